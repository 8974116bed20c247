namespace Plugsmm.Orders;

/// <summary>
/// What the store holds now, for the engine's metrics (<see cref="IOrderStore.GetStatisticsAsync"/>): per panel, the
/// orders not final by state, the resolution queue's oldest order and the most overdue tracked order. Final orders are
/// not counted here (they only grow): the engine counts them as they finish.
/// </summary>
public sealed class OrderStoreStatistics
{
    /// <summary>One entry per panel that has orders not final, ordered by panel.</summary>
    public required IReadOnlyList<OrderPanelStatistics> Panels { get; init; }
}

/// <summary>One panel's part of <see cref="OrderStoreStatistics"/>.</summary>
public sealed class OrderPanelStatistics
{
    /// <summary>The panel's client name (empty for the default client).</summary>
    public required string Panel { get; init; }

    /// <summary>
    /// How many orders are in each state that is not final (<see cref="LocalOrderState.Accepted"/>,
    /// <see cref="LocalOrderState.Waiting"/>, <see cref="LocalOrderState.Placing"/>, <see cref="LocalOrderState.Placed"/>,
    /// <see cref="LocalOrderState.Unknown"/>); a state without orders may be missing.
    /// </summary>
    public required IReadOnlyDictionary<LocalOrderState, long> Active { get; init; }

    /// <summary>The resolution queue's length: the orders in <see cref="LocalOrderState.Unknown"/>.</summary>
    public long Unresolved => Active.GetValueOrDefault(LocalOrderState.Unknown);

    /// <summary>When the oldest order of the resolution queue got there (its last change), on the store's clock; null when the queue is empty.</summary>
    public DateTimeOffset? OldestUnresolvedAt { get; init; }

    /// <summary>The earliest next poll of a tracked order (<see cref="LocalOrderState.Placed"/>), on the store's clock; null when none is tracked. Tracking lag is how far the present is past it.</summary>
    public DateTimeOffset? EarliestTrackingDueAt { get; init; }
}
