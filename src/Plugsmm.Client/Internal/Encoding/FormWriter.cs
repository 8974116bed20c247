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

    /// <summary>Wipes every byte of the array, written or not.</summary>
    public void Wipe() => CryptographicOperations.ZeroMemory(_buffer);

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
        for (var i = 0; i < text.Length; i++)
        {
            Ensure(12); // one char: at most 4 UTF-8 bytes, each %XX
            if (char.IsAscii(text[i]))
            {
                Escape((byte)text[i]);
                continue;
            }

            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var used) != OperationStatus.Done)
            {
                return i;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                Escape(b);
            }

            i += used - 1;
        }

        return -1;
    }

    /// <summary>Writes PHP's escape of one byte; the caller has made room for it.</summary>
    private void Escape(byte b)
    {
        if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.')
        {
            _buffer[Length++] = b;
        }
        else if (b == ' ')
        {
            _buffer[Length++] = (byte)'+';
        }
        else
        {
            _buffer[Length++] = (byte)'%';
            _buffer[Length++] = "0123456789ABCDEF"u8[b >> 4];
            _buffer[Length++] = "0123456789ABCDEF"u8[b & 0xF];
        }
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
