using System.Buffers;
using System.Security.Cryptography;

namespace Plugsmm.Client;

/// <summary>
/// A growable <see cref="IBufferWriter{T}"/> over plain arrays, one kept per thread, for the string, content and
/// client overloads of the encoder. Form bodies carry the API key, so every byte written is wiped when the writer is
/// handed back or grows, and <see cref="WipeAll"/> when encoding failed halfway. Its arrays are never given to a
/// shared pool.
/// </summary>
internal sealed class BodyBufferWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>A writer whose array grew past this is not kept for the thread's next body.</summary>
    private const int MaxKeptBytes = 16 * 1024;

    [ThreadStatic]
    private static BodyBufferWriter? t_cached;

    private byte[] _buffer = new byte[1024];
    private int _written;

    private BodyBufferWriter()
    {
    }

    /// <summary>What has been written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Takes this thread's cached writer (or a new one); give it back with <see cref="Dispose"/>.</summary>
    public static BodyBufferWriter Rent()
    {
        var writer = t_cached ?? new BodyBufferWriter();
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
    public void WipeAll() => CryptographicOperations.ZeroMemory(_buffer);

    /// <summary>Wipes what was written and hands the writer back to this thread's cache (unless it grew large).</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _written));
        _written = 0;
        if (_buffer.Length <= MaxKeptBytes)
        {
            t_cached = this;
        }
    }

    private void Grow(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var next = new byte[Math.Max(checked(_written + sizeHint), checked(_buffer.Length * 2))];
        _buffer.AsSpan(0, _written).CopyTo(next);
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _written));
        _buffer = next;
    }
}
