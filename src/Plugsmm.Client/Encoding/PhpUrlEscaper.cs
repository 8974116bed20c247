using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Plugsmm.Client;

/// <summary>
/// PHP's <c>urlencode</c> on UTF-8 bytes: <c>A-Z a-z 0-9 - _ .</c> stay bare, space becomes <c>+</c>,
/// every other byte becomes <c>%XX</c> with upper-case hex. Reads UTF-16 and writes the escaped UTF-8
/// straight into a span, with no intermediate string.
/// </summary>
internal static class PhpUrlEscaper
{
    /// <summary>The most bytes one UTF-16 char can become: a 3-byte UTF-8 sequence, each byte as <c>%XX</c>.</summary>
    public const int MaxBytesPerChar = 9;

    /// <summary>
    /// One entry per ASCII char: the escaped bytes little-endian in the low three bytes, their count in the
    /// top byte. Written as one 4-byte store, so a destination needs one spare byte past the output.
    /// </summary>
    private static readonly uint[] AsciiTable = BuildAsciiTable();

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>Whether PHP's urlencode leaves <paramref name="c"/> bare.</summary>
    public static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';

    /// <summary>
    /// Escapes <paramref name="source"/> into <paramref name="destination"/>, which must hold
    /// <c>source.Length * MaxBytesPerChar + 1</c> bytes.
    /// </summary>
    /// <param name="source">UTF-16 text; a surrogate pair must not be split across two calls.</param>
    /// <param name="destination">Where the escaped UTF-8 goes.</param>
    /// <param name="bytesWritten">Bytes written, up to the end or up to the lone surrogate.</param>
    /// <param name="invalidIndex">The index of a lone UTF-16 surrogate in <paramref name="source"/>, or -1.</param>
    /// <returns><see langword="false"/> when <paramref name="source"/> holds a lone surrogate.</returns>
    public static bool TryEscape(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten, out int invalidIndex)
    {
        ref var dst = ref MemoryMarshal.GetReference(destination);
        ref var table = ref MemoryMarshal.GetArrayDataReference(AsciiTable);
        var pos = 0;
        var i = 0;
        while (i < source.Length)
        {
            int c = source[i];
            if (c < 0x80)
            {
                pos += WriteEntry(ref dst, pos, Unsafe.Add(ref table, c));
                i++;
                continue;
            }

            if (c < 0x800)
            {
                WritePercent(ref dst, ref pos, 0xC0 | (c >> 6));
                WritePercent(ref dst, ref pos, 0x80 | (c & 0x3F));
                i++;
                continue;
            }

            if (!char.IsSurrogate((char)c))
            {
                WritePercent(ref dst, ref pos, 0xE0 | (c >> 12));
                WritePercent(ref dst, ref pos, 0x80 | ((c >> 6) & 0x3F));
                WritePercent(ref dst, ref pos, 0x80 | (c & 0x3F));
                i++;
                continue;
            }

            if (!char.IsHighSurrogate((char)c) || i + 1 == source.Length || !char.IsLowSurrogate(source[i + 1]))
            {
                bytesWritten = pos;
                invalidIndex = i;
                return false;
            }

            var scalar = char.ConvertToUtf32((char)c, source[i + 1]);
            WritePercent(ref dst, ref pos, 0xF0 | (scalar >> 18));
            WritePercent(ref dst, ref pos, 0x80 | ((scalar >> 12) & 0x3F));
            WritePercent(ref dst, ref pos, 0x80 | ((scalar >> 6) & 0x3F));
            WritePercent(ref dst, ref pos, 0x80 | (scalar & 0x3F));
            i += 2;
        }

        bytesWritten = pos;
        invalidIndex = -1;
        return true;
    }

    /// <summary>
    /// Escapes ASCII bytes (numbers already formatted) into <paramref name="destination"/>, which must hold
    /// <c>3 * source.Length + 1</c> bytes.
    /// </summary>
    public static int EscapeAscii(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ref var dst = ref MemoryMarshal.GetReference(destination);
        ref var table = ref MemoryMarshal.GetArrayDataReference(AsciiTable);
        var pos = 0;
        foreach (var b in source)
        {
            pos += WriteEntry(ref dst, pos, Unsafe.Add(ref table, b & 0x7F));
        }

        return pos;
    }

    /// <summary>Writes one table entry (1 or 3 bytes) and returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteEntry(ref byte dst, int pos, uint entry)
    {
        if (BitConverter.IsLittleEndian)
        {
            // One store of all four bytes; the length byte lands past the output and is overwritten next.
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, pos), entry);
        }
        else
        {
            Unsafe.Add(ref dst, pos) = (byte)entry;
            Unsafe.Add(ref dst, pos + 1) = (byte)(entry >> 8);
            Unsafe.Add(ref dst, pos + 2) = (byte)(entry >> 16);
        }

        return (int)(entry >> 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePercent(ref byte dst, ref int pos, int value)
    {
        Unsafe.Add(ref dst, pos) = (byte)'%';
        Unsafe.Add(ref dst, pos + 1) = Hex[value >> 4];
        Unsafe.Add(ref dst, pos + 2) = Hex[value & 0xF];
        pos += 3;
    }

    private static uint[] BuildAsciiTable()
    {
        var table = new uint[128];
        for (var c = 0; c < 128; c++)
        {
            if (IsUnreserved((char)c))
            {
                table[c] = (1u << 24) | (uint)c;
            }
            else if (c == ' ')
            {
                table[c] = (1u << 24) | '+';
            }
            else
            {
                table[c] = (3u << 24) | ((uint)Hex[c & 0xF] << 16) | ((uint)Hex[c >> 4] << 8) | '%';
            }
        }

        return table;
    }
}
