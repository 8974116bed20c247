using System.Buffers;
using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// PHP's <c>urlencode</c> on UTF-8 bytes: <c>A-Z a-z 0-9 - _ .</c> stay bare, space becomes <c>+</c>,
/// every other byte becomes <c>%XX</c> with upper-case hex. Reads UTF-16 and writes the escaped UTF-8
/// straight into a span, with no intermediate string.
/// </summary>
/// <remarks>
/// Plain code on runtime primitives: runs of bare chars are found with <see cref="SearchValues{T}"/> and copied with
/// <see cref="Ascii.FromUtf16"/>; every other char is encoded with <see cref="Rune"/> and escaped byte by byte from
/// a 256-entry table. A lone surrogate stops the escaping and is reported by its index.
/// </remarks>
internal static class PhpUrlEscaper
{
    /// <summary>The most bytes one UTF-16 char can become: a 3-byte UTF-8 sequence, each byte as <c>%XX</c>.</summary>
    public const int MaxBytesPerChar = 9;

    private const string BareChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private static readonly SearchValues<char> Bare = SearchValues.Create(BareChars);

    /// <summary>For each byte, what PHP writes for it: the byte itself, <c>+</c>, or <c>%XX</c>.</summary>
    private static readonly string[] Escapes = BuildEscapes();

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
        var i = 0;
        while (i < source.Length)
        {
            var run = source[i..].IndexOfAnyExcept(Bare);
            if (run != 0)
            {
                // A run of bare chars (ASCII by construction): copied as they are.
                run = run < 0 ? source.Length - i : run;
                _ = Ascii.FromUtf16(source.Slice(i, run), destination[written..], out _);
                written += run;
                i += run;
                continue;
            }

            if (source[i] < 0x80)
            {
                written += Escape((byte)source[i], destination[written..]);
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf16(source[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                bytesWritten = written;
                invalidIndex = i;
                return false;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                written += Escape(b, destination[written..]);
            }

            i += consumed;
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
            written += Escape(b, destination[written..]);
        }

        return written;
    }

    private static int Escape(byte value, Span<byte> destination)
    {
        var escape = Escapes[value];
        for (var i = 0; i < escape.Length; i++)
        {
            destination[i] = (byte)escape[i];
        }

        return escape.Length;
    }

    private static string[] BuildEscapes()
    {
        var escapes = new string[256];
        for (var b = 0; b < escapes.Length; b++)
        {
            escapes[b] = b == ' ' ? "+"
                : BareChars.Contains((char)b, StringComparison.Ordinal) ? ((char)b).ToString()
                : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
        }

        return escapes;
    }
}
