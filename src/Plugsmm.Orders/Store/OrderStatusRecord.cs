namespace Plugsmm.Orders;

/// <summary>
/// What one status poll found for a tracked order, written under its lease with its refund and event in one
/// transaction, or not at all. The lease is released by the write.
/// </summary>
public sealed class OrderStatusRecord
{
    /// <summary>The tracking lease the record is written under.</summary>
    public required OrderLease Lease { get; init; }

    /// <summary><see cref="LocalOrderState.Placed"/> while the order is active, or its final state.</summary>
    public required LocalOrderState State { get; init; }

    /// <summary>The event to enqueue; null for none.</summary>
    public OrderEventKind? Event { get; init; }

    /// <summary>The panel's status word; null keeps the one recorded.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The start count; null keeps the one recorded.</summary>
    public long? StartCount { get; init; }

    /// <summary>The units still to deliver; null keeps the number recorded.</summary>
    public long? Remains { get; init; }

    /// <summary>What the panel charged; null keeps the amount recorded.</summary>
    public decimal? ProviderCharge { get; init; }

    /// <summary>The reason to record (null clears it).</summary>
    public string? Reason { get; init; }

    /// <summary>A refund to add to the order's refunded amount (capped at what is left of its price) and report in the event.</summary>
    public decimal Refund { get; init; }

    /// <summary>How many polls so far (this one included).</summary>
    public int Polls { get; init; }

    /// <summary>When the order is polled next, from now on the store's clock; null for never (a final state).</summary>
    public TimeSpan? DueIn { get; init; }
}
