namespace Plugsmm.Orders;

/// <summary>
/// A change of state written under a lease, with the event it enqueues: both in one transaction, or neither.
/// </summary>
public sealed class OrderTransition
{
    /// <summary>The lease the change is written under.</summary>
    public required OrderLease Lease { get; init; }

    /// <summary>The new state.</summary>
    public required LocalOrderState State { get; init; }

    /// <summary>The event to enqueue; null for none.</summary>
    public OrderEventKind? Event { get; init; }

    /// <summary>The reason to record (null clears it).</summary>
    public string? Reason { get; init; }

    /// <summary>The panel's order id to record; null keeps the one recorded.</summary>
    public long? ProviderOrderId { get; init; }

    /// <summary>The <c>add</c> attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the order is due again, from now on the store's clock; null for not due.</summary>
    public TimeSpan? DueIn { get; init; }

    /// <summary>A refund to add to the order's refunded amount (capped at its price) and report in the event.</summary>
    public decimal Refund { get; init; }

    /// <summary>Keep the lease (the engine goes on with the order); otherwise it is released.</summary>
    public bool KeepLease { get; init; }
}
