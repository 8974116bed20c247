using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

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
        if (text.Length > CharsPerChunk)
        {
            return WriteEscapedInChunks(text);
        }

        Ensure(PhpUrlEscaper.RequiredDestinationLength(text.Length));
        var ok = PhpUrlEscaper.TryEscape(text, _span[_position..], out var written, out var invalid);
        _position += written;
        return ok ? -1 : invalid;
    }

    /// <summary>
    /// Writes <c>&amp;</c> (when <paramref name="separate"/>), the escaped <paramref name="key"/> and <c>=</c>, with one
    /// request for space; returns the index of a lone surrogate in the key, or -1.
    /// </summary>
    public int WriteKey(bool separate, scoped ReadOnlySpan<char> key)
    {
        if (key.Length > CharsPerChunk)
        {
            if (separate)
            {
                WriteByte((byte)'&');
            }

            var lone = WriteEscapedInChunks(key);
            if (lone < 0)
            {
                WriteByte((byte)'=');
            }

            return lone;
        }

        // '&', the key and '='.
        Ensure(2 + PhpUrlEscaper.RequiredDestinationLength(key.Length));
        if (separate)
        {
            _span[_position++] = (byte)'&';
        }

        var ok = PhpUrlEscaper.TryEscape(key, _span[_position..], out var written, out var invalid);
        _position += written;
        if (!ok)
        {
            return invalid;
        }

        _span[_position++] = (byte)'=';
        return -1;
    }

    /// <summary>Writes an integer or a decimal in invariant culture, straight as UTF-8 (every char is bare).</summary>
    public void WriteNumber<T>(T value)
        where T : IUtf8SpanFormattable
    {
        // The longest: a decimal (29 digits, sign, point), Int128 (40 chars).
        Ensure(64);
        value.TryFormat(_span[_position..], out var length, default, CultureInfo.InvariantCulture);
        _position += length;
    }

    public void WriteDouble(double value)
    {
        Span<byte> text = stackalloc byte[PhpFloatFormatter.MaxLength];
        var length = PhpFloatFormatter.Format(value, text);
        Ensure(length * 3);
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

    /// <summary>A text longer than <see cref="CharsPerChunk"/>, escaped a chunk at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int WriteEscapedInChunks(scoped ReadOnlySpan<char> text)
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
