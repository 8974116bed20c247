namespace Plugsmm.Orders;

/// <summary>
/// A step of a cancel on request, written under the order's lease with its event in one transaction, or not at all.
/// The order stays <see cref="LocalOrderState.Placed"/>: only the panel's status ends it.
/// </summary>
public sealed class OrderCancelRecord
{
    /// <summary>The cancel lease the record is written under.</summary>
    public required OrderLease Lease { get; init; }

    /// <summary>The cancel's new state.</summary>
    public required CancelState Cancel { get; init; }

    /// <summary>The event to enqueue; null for none.</summary>
    public OrderEventKind? Event { get; init; }

    /// <summary>The panel's reason (refused or unknown); null clears it.</summary>
    public string? Reason { get; init; }

    /// <summary>When a <see cref="CancelState.Requested"/> cancel is due again, from now on the store's clock; null for now.</summary>
    public TimeSpan? RetryIn { get; init; }

    /// <summary>Whether the order's status is polled at once (the panel has, or may have, canceled it).</summary>
    public bool PollNow { get; init; }

    /// <summary>Keeps the lease (the cancel is being sent); otherwise the write releases it.</summary>
    public bool KeepLease { get; init; }
}
