using System.Buffers;
using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// PHP's <c>urlencode</c> on UTF-8 bytes: <c>A-Z a-z 0-9 - _ .</c> stay bare, space becomes <c>+</c>,
/// every other byte becomes <c>%XX</c> with upper-case hex. Reads UTF-16 and writes the escaped UTF-8
/// straight into a span, with no intermediate string.
/// </summary>
/// <remarks>
/// Plain code: one loop over the chars; an ASCII char is written from a 256-entry table of PHP's escapes, any other
/// is encoded to UTF-8 with <see cref="Rune"/> and each byte written from the same table. A lone surrogate stops the
/// escaping and is reported by its index.
/// </remarks>
internal static class PhpUrlEscaper
{
    /// <summary>The most bytes one UTF-16 char can become: a 3-byte UTF-8 sequence, each byte as <c>%XX</c>.</summary>
    public const int MaxBytesPerChar = 9;

    private const string BareChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    /// <summary>For each byte, what PHP writes for it: the byte itself, <c>+</c>, or <c>%XX</c> (see <see cref="BuildEscapes"/>).</summary>
    private static readonly uint[] Escapes = BuildEscapes();

    /// <summary>The destination size <see cref="TryEscape"/> needs for <paramref name="sourceLength"/> chars.</summary>
    public static int RequiredDestinationLength(int sourceLength) => checked(sourceLength * MaxBytesPerChar);

    /// <summary>
    /// Escapes <paramref name="source"/> into <paramref name="destination"/>, which must hold
    /// <see cref="RequiredDestinationLength"/> bytes. Nothing is written past the bytes reported.
    /// </summary>
    /// <param name="source">UTF-16 text; a surrogate pair must not be split across two calls.</param>
    /// <param name="destination">Where the escaped UTF-8 goes.</param>
    /// <param name="bytesWritten">Bytes written, up to the end or up to the lone surrogate.</param>
    /// <param name="invalidIndex">The index of a lone UTF-16 surrogate in <paramref name="source"/>, or -1.</param>
    /// <returns><see langword="false"/> when <paramref name="source"/> holds a lone surrogate.</returns>
    public static bool TryEscape(ReadOnlySpan<char> source, Span<byte> destination, out int bytesWritten, out int invalidIndex)
    {
        if ((long)destination.Length < (long)source.Length * MaxBytesPerChar)
        {
            throw new ArgumentException("The destination is smaller than 9 bytes per char.", nameof(destination));
        }

        Span<byte> utf8 = stackalloc byte[4];
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c < 0x80)
            {
                written = Escape((byte)c, destination, written);
                continue;
            }

            if (Rune.DecodeFromUtf16(source[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                bytesWritten = written;
                invalidIndex = i;
                return false;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                written = Escape(b, destination, written);
            }

            i += consumed - 1;
        }

        bytesWritten = written;
        invalidIndex = -1;
        return true;
    }

    /// <summary>
    /// Escapes ASCII bytes (numbers already formatted) into <paramref name="destination"/>, which must hold
    /// <c>3 * source.Length</c> bytes; returns the bytes written.
    /// </summary>
    public static int EscapeAscii(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        foreach (var b in source)
        {
            written = Escape(b, destination, written);
        }

        return written;
    }

    /// <summary>Writes PHP's escape of <paramref name="value"/> at <paramref name="at"/>; returns the position after it.</summary>
    private static int Escape(byte value, Span<byte> destination, int at)
    {
        var entry = Escapes[value];
        destination[at] = (byte)entry;
        if (entry >> 24 == 1)
        {
            return at + 1;
        }

        destination[at + 1] = (byte)(entry >> 8);
        destination[at + 2] = (byte)(entry >> 16);
        return at + 3;
    }

    /// <summary>For each byte, its escape's bytes in the low three bytes of the entry, their count in the top byte.</summary>
    private static uint[] BuildEscapes()
    {
        const string hex = "0123456789ABCDEF";
        var escapes = new uint[256];
        for (var b = 0; b < escapes.Length; b++)
        {
            escapes[b] = b == ' ' ? '+' | (1u << 24)
                : BareChars.Contains((char)b, StringComparison.Ordinal) ? (uint)b | (1u << 24)
                : '%' | ((uint)hex[b >> 4] << 8) | ((uint)hex[b & 0xF] << 16) | (3u << 24);
        }

        return escapes;
    }
}
