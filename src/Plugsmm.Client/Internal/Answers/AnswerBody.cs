using System.Buffers;

namespace Plugsmm.Client;

/// <summary>
/// An answer's bytes, read once and whole, never past the cap. Sized by what arrives, never by what the panel
/// announces: the first buffer is small and pooled (most answers fit in it), and it doubles, as plain arrays, up to
/// one byte past the cap. A <c>Content-Length</c> above the cap is refused before anything is read. The bytes may
/// echo the API key: <see cref="Release"/> wipes them.
/// </summary>
internal readonly struct AnswerBody
{
    /// <summary>The first buffer, from the shared pool (which keeps only such small arrays of this code's).</summary>
    internal const int FirstBufferBytes = 16 * 1024;

    private readonly byte[]? _buffer;
    private readonly int _length;
    private readonly bool _pooled;

    private AnswerBody(byte[] buffer, int length, bool pooled) => (_buffer, _length, _pooled) = (buffer, length, pooled);

    /// <summary>Whether the answer was longer than the cap (nothing of it is held then).</summary>
    public bool TooLarge => _buffer is null;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>
    /// Reads <paramref name="content"/> whole, or up to one byte past <paramref name="max"/> (then
    /// <see cref="TooLarge"/>). Caps beyond what one array holds read as that much.
    /// </summary>
    public static async ValueTask<AnswerBody> ReadAsync(HttpContent content, long max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > max)
        {
            return default;
        }

        // One byte past the cap tells a longer answer from one exactly as long. Never overflows: at most Array.MaxLength.
        var limit = (int)Math.Min(max, Array.MaxLength - 1) + 1;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
            var pooled = true;
            var length = 0;
            var handedOver = false;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min((long)buffer.Length * 2, limit));
                        buffer.AsSpan(0, length).CopyTo(grown);
                        Drop(buffer, length, pooled);
                        (buffer, pooled) = (grown, false);
                    }

                    var window = Math.Min(buffer.Length, limit) - length;
                    var count = await stream.ReadAsync(buffer.AsMemory(length, window), cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        handedOver = true;
                        return new AnswerBody(buffer, length, pooled);
                    }

                    length += count;
                    if (length == limit)
                    {
                        return default;
                    }
                }
            }
            finally
            {
                if (!handedOver)
                {
                    Drop(buffer, length, pooled);
                }
            }
        }
    }

    /// <summary>Wipes the bytes read and gives the buffer back: nothing of the answer outlives this.</summary>
    public void Release()
    {
        if (_buffer is not null)
        {
            Drop(_buffer, _length, _pooled);
        }
    }

    private static void Drop(byte[] buffer, int length, bool pooled)
    {
        buffer.AsSpan(0, Math.Min(length, buffer.Length)).Clear();
        if (pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
