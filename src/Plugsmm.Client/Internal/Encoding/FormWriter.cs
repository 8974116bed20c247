using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Plugsmm.Client;

/// <summary>
/// A form body being written: a plain array that grows (wiping the one it leaves, as the body holds the API key), and
/// PHP's <c>urlencode</c> of text (<c>A-Z a-z 0-9 - _ .</c> bare, space as <c>+</c>, every other UTF-8 byte as <c>%XX</c>).
/// </summary>
internal sealed class FormWriter
{
    private static readonly SearchValues<byte> Bare = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."u8);

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
        Span<byte> utf8 = stackalloc byte[1024];
        var offset = 0;
        while (offset < text.Length)
        {
            // A chunk at a time; a surrogate pair is never split (the chunk ends before a char that does not fit).
            var status = Utf8.FromUtf16(text[offset..], utf8, out var read, out var written, replaceInvalidSequences: false);
            WriteEscaped(utf8[..written]);
            if (status == OperationStatus.InvalidData)
            {
                return offset + read;
            }

            offset += read;
        }

        return -1;
    }

    /// <summary>Escapes UTF-8 bytes: runs of bare bytes copied as they are, the others one by one.</summary>
    public void WriteEscaped(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length * 3);
        var output = _buffer.AsSpan();
        while (!bytes.IsEmpty)
        {
            var run = bytes.IndexOfAnyExcept(Bare);
            if (run < 0)
            {
                run = bytes.Length;
            }

            bytes[..run].CopyTo(output[Length..]);
            Length += run;
            if (run == bytes.Length)
            {
                return;
            }

            var b = bytes[run];
            if (b == ' ')
            {
                output[Length++] = (byte)'+';
            }
            else
            {
                output[Length++] = (byte)'%';
                output[Length++] = "0123456789ABCDEF"u8[b >> 4];
                output[Length++] = "0123456789ABCDEF"u8[b & 0xF];
            }

            bytes = bytes[(run + 1)..];
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
