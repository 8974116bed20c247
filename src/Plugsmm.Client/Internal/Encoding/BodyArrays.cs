namespace Plugsmm.Client;

/// <summary>
/// One client's spare arrays for encoded bodies, wiped before they are kept. They are never given to a shared pool: a
/// handler that still reads a request's content after its call (an HTTP/2 body sender, a hedging or logging handler)
/// sees zeros or this client's own next body, never another client's key. A few slots, taken and filled without locks.
/// </summary>
internal sealed class BodyArrays
{
    /// <summary>Larger arrays are not kept (a rare long comment should not hold memory for the client's lifetime).</summary>
    private const int MaxKeptBytes = 64 * 1024;

    private readonly byte[]?[] _slots = new byte[]?[Math.Clamp(Environment.ProcessorCount * 2, 4, 64)];

    /// <summary>A spare array, or null when none is free.</summary>
    public byte[]? Take()
    {
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[(start + i) % _slots.Length];
            if (Volatile.Read(ref slot) is not null && Interlocked.Exchange(ref slot, null) is { } array)
            {
                return array;
            }
        }

        return null;
    }

    /// <summary>Keeps <paramref name="array"/> (already wiped) in a free slot, if there is one.</summary>
    public void Give(byte[] array)
    {
        if (array.Length > MaxKeptBytes)
        {
            return;
        }

        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[(start + i) % _slots.Length];
            if (Volatile.Read(ref slot) is null && Interlocked.CompareExchange(ref slot, array, null) is null)
            {
                return;
            }
        }
    }
}
