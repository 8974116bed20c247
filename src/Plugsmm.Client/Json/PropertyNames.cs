using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// Property names as System.Text.Json reads them. The serializer decodes every escaped name before it looks it up
/// (a lone surrogate escape such as <c>\ud800</c> throws, other bytes are kept as they are, valid UTF-8 or not);
/// a <see cref="JsonElement"/> looks a name up from the last property back and decodes an escaped name only when
/// it could match. The answer readers follow both to the letter, so they accept and refuse what the serializer did.
/// </summary>
internal static class PropertyNames
{
    private const int StackBytes = 128;

    /// <summary>
    /// An escaped name (<see cref="Utf8JsonReader.ValueIsEscaped"/>), decoded as the serializer decodes it, passed to
    /// <paramref name="match"/>. Throws <see cref="InvalidOperationException"/> for an escape the serializer cannot decode.
    /// </summary>
    public static TField MatchEscaped<TField>(ReadOnlySpan<byte> raw, Func<ReadOnlySpan<byte>, TField> match)
    {
        byte[]? rented = null;
        var buffer = raw.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            return match(buffer[..Unescape(raw, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Whether the name the reader is on is <paramref name="name"/> as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
    /// compares it; throws <see cref="InvalidOperationException"/> where that lookup would throw.
    /// </summary>
    public static bool IsLikeJsonElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            return raw.SequenceEqual(name);
        }

        // An escaped name is longer than what it decodes to: only a longer one, equal up to its first backslash, can match.
        if (raw.Length <= name.Length)
        {
            return false;
        }

        var backslash = raw.IndexOf((byte)'\\');
        if (name.Length <= backslash || !raw[..backslash].SequenceEqual(name[..backslash]))
        {
            return false;
        }

        var rest = raw[backslash..];
        byte[]? rented = null;
        var buffer = rest.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(rest.Length));
        try
        {
            var written = Unescape(rest, buffer);
            return buffer[..written].SequenceEqual(name[backslash..]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Decodes JSON escapes into <paramref name="destination"/> (at least as long as <paramref name="source"/>), as
    /// System.Text.Json does: the reader has checked the syntax; a surrogate escape must be a high one followed by a
    /// low one, or it throws <see cref="InvalidOperationException"/>. Returns the bytes written.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b != (byte)'\\')
            {
                destination[written++] = b;
                continue;
            }

            b = source[++i];
            switch (b)
            {
                case (byte)'n': destination[written++] = (byte)'\n'; break;
                case (byte)'r': destination[written++] = (byte)'\r'; break;
                case (byte)'t': destination[written++] = (byte)'\t'; break;
                case (byte)'b': destination[written++] = (byte)'\b'; break;
                case (byte)'f': destination[written++] = (byte)'\f'; break;
                case (byte)'u':
                    var scalar = Hex(source.Slice(i + 1, 4));
                    i += 4;
                    if (scalar is >= 0xD800 and <= 0xDFFF)
                    {
                        if (scalar >= 0xDC00)
                        {
                            throw InvalidSurrogate(scalar);
                        }

                        if (source.Length < i + 7 || source[i + 1] != (byte)'\\' || source[i + 2] != (byte)'u')
                        {
                            throw new InvalidOperationException("Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.");
                        }

                        var low = Hex(source.Slice(i + 3, 4));
                        if (low is < 0xDC00 or > 0xDFFF)
                        {
                            throw InvalidSurrogate(low);
                        }

                        i += 6;
                        scalar = ((scalar - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
                    }

                    written += new Rune(scalar).EncodeToUtf8(destination[written..]);
                    break;
                default:
                    // \" \\ \/: the character itself.
                    destination[written++] = b;
                    break;
            }
        }

        return written;
    }

    private static int Hex(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits, out int value, out var consumed, 'x') && consumed == 4
            ? value
            : throw new InvalidOperationException("Invalid JSON escape.");

    private static InvalidOperationException InvalidSurrogate(int value) =>
        new($"Cannot read invalid UTF-16 JSON text as string. Invalid surrogate value: '0x{value:X4}'.");
}
