using System.Runtime.CompilerServices;

namespace Plugsmm.Client;

/// <summary>
/// Refuses a key given twice at one level: PHP keeps only the last, so the first would be lost silently.
/// </summary>
/// <remarks>
/// A 64-bit filter of the keys seen (one bit per key, from its length and first and last chars) answers "new" for
/// almost every key of a usual body without comparing strings; only when the bit is already set are the earlier keys
/// compared. An array or a list is its own record of the earlier keys (<see cref="Add(string, ReadOnlySpan{KeyValuePair{string, object}})"/>);
/// any other sequence of fields keeps them in a small inline buffer (<see cref="KeyBuffer"/>). Past
/// <see cref="LinearLimit"/> fields, a hash set takes over.
/// </remarks>
internal struct DuplicateKeyGuard
{
    /// <summary>Fields checked by the filter and a linear scan; beyond, a hash set.</summary>
    public const int LinearLimit = 32;

    private ulong _filter;
    private HashSet<string>? _set;

    /// <summary>
    /// Records <paramref name="key"/>, whose earlier fields are <paramref name="earlier"/> (the fields before it in
    /// the same array or list); false when one of them has the same key.
    /// </summary>
    public bool Add(string key, ReadOnlySpan<KeyValuePair<string, object?>> earlier)
    {
        if (earlier.Length >= LinearLimit)
        {
            if (_set is null)
            {
                _set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var field in earlier)
                {
                    _set.Add(field.Key);
                }
            }

            return _set.Add(key);
        }

        var bit = FilterBit(key);
        if ((_filter & bit) != 0)
        {
            foreach (var field in earlier)
            {
                if (string.Equals(field.Key, key, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        _filter |= bit;
        return true;
    }

    /// <summary>
    /// Records <paramref name="key"/> in <paramref name="buffer"/>, which holds the <paramref name="count"/> keys
    /// before it, for fields that cannot be read twice; false when it is already there.
    /// </summary>
    public bool Add(string key, ref KeyBuffer buffer, int count)
    {
        if (_set is not null)
        {
            return _set.Add(key);
        }

        if (count >= LinearLimit)
        {
            _set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var earlier in buffer)
            {
                _set.Add(earlier);
            }

            return _set.Add(key);
        }

        var bit = FilterBit(key);
        if ((_filter & bit) != 0)
        {
            foreach (var earlier in ((ReadOnlySpan<string>)buffer)[..count])
            {
                if (string.Equals(earlier, key, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        _filter |= bit;
        buffer[count] = key;
        return true;
    }

    /// <summary>
    /// One of 64 bits, from the length and the first and last chars (Fibonacci hashing): equal keys always get the
    /// same one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FilterBit(string key)
    {
        var x = (uint)key.Length << 8;
        if (key.Length > 0)
        {
            x ^= key[0] | ((uint)key[^1] << 16);
        }

        return 1ul << (int)((x * 0x9E3779B1u) >> 26);
    }

    /// <summary>The keys of the first <see cref="LinearLimit"/> fields of a sequence that cannot be read twice.</summary>
    [InlineArray(LinearLimit)]
    internal struct KeyBuffer
    {
        private string _key;
    }
}
