using System.Buffers;
using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// Writes a form body into an <see cref="IBufferWriter{T}"/>, holding one span at a time so that small
/// writes cost no interface call. <see cref="Flush"/> commits what was written.
/// </summary>
internal ref struct FormBodyWriter
{
    /// <summary>Chars escaped per span request: bounds the span asked for when a value is huge.</summary>
    private const int CharsPerChunk = 4096;

    /// <summary>The smallest span asked of the output, so that small writes do not each cost a request.</summary>
    private const int MinimumSpan = 256;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _position;

    public FormBodyWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _span = default;
        _position = 0;
    }

    /// <summary>Bytes committed to the output so far.</summary>
    public long BytesCommitted { get; private set; }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _span[_position++] = value;
    }

    /// <summary>Writes bytes that need no escaping.</summary>
    public void WriteRaw(scoped ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_span[_position..]);
        _position += bytes.Length;
    }

    /// <summary>Escapes <paramref name="text"/>; returns the index of a lone surrogate, or -1.</summary>
    public int WriteEscaped(scoped ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var count = Math.Min(CharsPerChunk, text.Length - offset);
            if (count < text.Length - offset && char.IsHighSurrogate(text[offset + count - 1]))
            {
                count++; // never split a surrogate pair between two chunks
            }

            Ensure(PhpUrlEscaper.RequiredDestinationLength(count));
            var ok = PhpUrlEscaper.TryEscape(text.Slice(offset, count), _span[_position..], out var written, out var invalid);
            _position += written;
            if (!ok)
            {
                return offset + invalid;
            }

            offset += count;
        }

        return -1;
    }

    public void WriteInteger<T>(T value)
        where T : ISpanFormattable
    {
        Span<char> chars = stackalloc char[64];
        value.TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
        WriteAsciiChars(chars[..length]);
    }

    public void WriteDecimal(decimal value)
    {
        Span<char> chars = stackalloc char[64];
        value.TryFormat(chars, out var length, default, CultureInfo.InvariantCulture);
        WriteAsciiChars(chars[..length]);
    }

    public void WriteDouble(double value)
    {
        Span<byte> text = stackalloc byte[PhpFloatFormatter.MaxLength];
        var length = PhpFloatFormatter.Format(value, text);
        Ensure((length * 3) + 1);
        _position += PhpUrlEscaper.EscapeAscii(text[..length], _span[_position..]);
    }

    /// <summary>Commits the bytes written into the current span.</summary>
    public void Flush()
    {
        if (_position > 0)
        {
            _output.Advance(_position);
            BytesCommitted += _position;
        }

        _position = 0;
        _span = default;
    }

    /// <summary>Invariant number text (digits, <c>-</c>, <c>.</c>): every char is bare.</summary>
    private void WriteAsciiChars(scoped ReadOnlySpan<char> chars)
    {
        Ensure(chars.Length);
        for (var i = 0; i < chars.Length; i++)
        {
            _span[_position + i] = (byte)chars[i];
        }

        _position += chars.Length;
    }

    private void Ensure(int size)
    {
        if (_span.Length - _position >= size)
        {
            return;
        }

        Flush();
        _span = _output.GetSpan(Math.Max(size, MinimumSpan));
    }
}
