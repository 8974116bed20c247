using System.Buffers;
using System.Security.Cryptography;

namespace Plugsmm.Client;

/// <summary>
/// A growable <see cref="IBufferWriter{T}"/> over <see cref="ArrayPool{T}"/> arrays. Form bodies carry the
/// API key, so every byte written is wiped before an array goes back to the shared pool or to the thread's cache:
/// the bytes advanced over and the <see cref="PhpUrlEscaper.DestinationSpare"/> bytes after them, where the escaper
/// may have stored past its output; <see cref="WipeAll"/> when encoding failed halfway.
/// </summary>
internal sealed class PooledByteBufferWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>Arrays larger than this are returned to the pool rather than kept by a thread's cached writer.</summary>
    private const int MaxRetainedBytes = 16 * 1024;

    private const int InitialBytes = 1024;

    [ThreadStatic]
    private static PooledByteBufferWriter? t_cached;

    private byte[] _buffer;
    private int _written;

    private PooledByteBufferWriter()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    }

    /// <summary>What has been written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Takes this thread's cached writer (or a new one); give it back with <see cref="Dispose"/>.</summary>
    public static PooledByteBufferWriter Rent()
    {
        var writer = t_cached ?? new PooledByteBufferWriter();
        t_cached = null;
        return writer;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _written)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Wipes the whole buffer, for when a write stopped halfway and left bytes it did not advance over.</summary>
    public void WipeAll() => SecretWipe.Clear(_buffer);

    /// <summary>Wipes what was written and hands the writer back to this thread's cache.</summary>
    public void Dispose()
    {
        SecretWipe.Clear(Touched(_buffer, _written));
        _written = 0;
        if (_buffer.Length > MaxRetainedBytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
        }

        t_cached = this;
    }

    private void Grow(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var needed = checked(_written + sizeHint);
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(_buffer.Length * 2)));
        _buffer.AsSpan(0, _written).CopyTo(next);
        SecretWipe.Clear(Touched(_buffer, _written));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    /// <summary>The bytes written and the spare bytes after them that the escaper may have stored into.</summary>
    private static Span<byte> Touched(byte[] buffer, int written) =>
        buffer.AsSpan(0, Math.Min(written + PhpUrlEscaper.DestinationSpare, buffer.Length));
}
