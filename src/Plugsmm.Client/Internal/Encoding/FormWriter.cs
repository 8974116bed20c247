using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Plugsmm.Client;

/// <summary>
/// A form body being written: a plain array that grows (wiping the one it leaves, as the body holds the API key), and
/// PHP's <c>urlencode</c> of text (<c>A-Z a-z 0-9 - _ .</c> bare, space as <c>+</c>, every other UTF-8 byte as <c>%XX</c>).
/// </summary>
internal sealed class FormWriter
{
    private byte[] _buffer = new byte[512];

    /// <summary>The array written into; its first <see cref="Length"/> bytes are the body.</summary>
    public byte[] Buffer => _buffer;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Wipes what was written (nothing is ever written past <see cref="Length"/>).</summary>
    public void Wipe() => CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, Length));

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    /// <summary>Writes an integer or a decimal in invariant culture (every char is bare).</summary>
    public void WriteNumber(IUtf8SpanFormattable value)
    {
        Ensure(64); // the longest: Int128 (40 chars), a decimal (31)
        value.TryFormat(_buffer.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Escapes <paramref name="text"/>; returns the index of a lone UTF-16 surrogate (after writing what precedes it), or -1.</summary>
    public int WriteEscaped(ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < text.Length)
        {
            // As many chars as the room left surely holds (a char is at most 3 UTF-8 bytes, each %XX; one more for the
            // second half of a pair astride the end), growing first when that is fewer than 16.
            Ensure(17 * 9);
            var end = Math.Min(text.Length, i + ((_buffer.Length - Length) / 9) - 1);
            var output = _buffer.AsSpan();
            var at = Length;
            for (; i < end; i++)
            {
                if (char.IsAscii(text[i]))
                {
                    at = Escape((byte)text[i], output, at);
                    continue;
                }

                if (Rune.DecodeFromUtf16(text[i..], out var rune, out var used) != OperationStatus.Done)
                {
                    Length = at;
                    return i;
                }

                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
                {
                    at = Escape(b, output, at);
                }

                i += used - 1;
            }

            Length = at;
        }

        return -1;
    }

    /// <summary>Writes PHP's escape of <paramref name="b"/> at <paramref name="at"/>; returns the position after it.</summary>
    private static int Escape(byte b, Span<byte> output, int at)
    {
        if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.')
        {
            output[at] = b;
            return at + 1;
        }

        if (b == ' ')
        {
            output[at] = (byte)'+';
            return at + 1;
        }

        output[at] = (byte)'%';
        output[at + 1] = "0123456789ABCDEF"u8[b >> 4];
        output[at + 2] = "0123456789ABCDEF"u8[b & 0xF];
        return at + 3;
    }

    private void Ensure(int size)
    {
        if (_buffer.Length - Length >= size)
        {
            return;
        }

        var larger = new byte[(int)Math.Min(Array.MaxLength, Math.Max((long)Length + size, 2L * _buffer.Length))];
        Written.CopyTo(larger);
        Wipe();
        _buffer = larger;
    }
}
