using System.Buffers;

namespace Plugsmm.Client;

/// <summary>
/// Refuses a key given twice at one level: PHP keeps only the last, so the first would be lost silently.
/// A short linear scan over a pooled array for the usual handful of fields; a hash set past that.
/// </summary>
internal struct DuplicateKeyGuard : IDisposable
{
    private const int LinearLimit = 32;

    private string[]? _keys;
    private int _count;
    private HashSet<string>? _set;

    /// <summary>Records <paramref name="key"/>; false when it was already recorded.</summary>
    public bool Add(string key)
    {
        if (_set is not null)
        {
            return _set.Add(key);
        }

        _keys ??= ArrayPool<string>.Shared.Rent(LinearLimit);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (_count < LinearLimit)
        {
            _keys[_count++] = key;
            return true;
        }

        _set = new HashSet<string>(_keys.AsSpan(0, _count).ToArray(), StringComparer.Ordinal);
        return _set.Add(key);
    }

    public void Dispose()
    {
        if (_keys is not null)
        {
            ArrayPool<string>.Shared.Return(_keys, clearArray: true);
            _keys = null;
        }
    }
}
