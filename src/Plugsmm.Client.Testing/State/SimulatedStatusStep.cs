namespace Plugsmm.Client.Testing;

/// <summary>
/// One step of a scripted order status (<see cref="SimulatedPanel.ScriptStatus"/>): from <see cref="After"/> past the
/// order's creation until the next step, <c>status</c> answers for the order with <see cref="Status"/> (and its
/// figures) or with <see cref="Error"/>. Give exactly one of the two.
/// </summary>
public sealed class SimulatedStatusStep
{
    /// <summary>How long after the order was placed (on the panel's clock) the step takes effect; zero or more.</summary>
    public TimeSpan After { get; init; }

    /// <summary>The status word to report, exactly as given: <c>Pending</c>, <c>In progress</c>, <c>Completed</c>, <c>Partial</c>, <c>Canceled</c>, <c>Refunded</c>, <c>Fail</c>, or any other word (<c>Paused</c>).</summary>
    public string? Status { get; init; }

    /// <summary>The units still to deliver; by default 0 for <c>Completed</c>, else the order's quantity.</summary>
    public long? Remains { get; init; }

    /// <summary>The start count to report; by default the one the simulation reports.</summary>
    public long? StartCount { get; init; }

    /// <summary>The charge to report; by default what the order was charged. The balance is not changed by it.</summary>
    public decimal? Charge { get; init; }

    /// <summary>An error the panel answers for this order id instead of a status (<c>Incorrect order ID</c>): in <c>status</c>, <c>refill</c> and <c>cancel</c>.</summary>
    public string? Error { get; init; }
}
