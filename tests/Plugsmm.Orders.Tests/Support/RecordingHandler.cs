using System.Collections.Concurrent;

namespace Plugsmm.Orders.Tests;

/// <summary>The host's handler as the outside world sees it: every delivery attempt and every event handled, across restarts.</summary>
internal sealed class RecordingHandler : IOrderEventHandler
{
    private readonly ConcurrentQueue<OrderEvent> _handled = new();
    private readonly ConcurrentQueue<OrderEvent> _attempts = new();
    private int _failuresLeft;

    /// <summary>Events the handler returned from, in order (duplicates included).</summary>
    public IReadOnlyList<OrderEvent> Handled => [.. _handled];

    /// <summary>Every delivery, including those that threw.</summary>
    public IReadOnlyList<OrderEvent> Attempts => [.. _attempts];

    /// <summary>The next <paramref name="times"/> deliveries throw.</summary>
    public void FailNext(int times) => _failuresLeft = times;

    public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(orderEvent);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The handler failed (test).");
        }

        _handled.Enqueue(orderEvent);
        return Task.CompletedTask;
    }
}
