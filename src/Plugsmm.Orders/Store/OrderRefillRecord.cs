namespace Plugsmm.Orders;

/// <summary>A step of a refill on request, written under the order's lease with its event in one transaction, or not at all.</summary>
public sealed class OrderRefillRecord
{
    /// <summary>The refill lease the record is written under.</summary>
    public required OrderLease Lease { get; init; }

    /// <summary>The refill's new state.</summary>
    public required RefillRequestState Refill { get; init; }

    /// <summary>The event to enqueue; null for none.</summary>
    public OrderEventKind? Event { get; init; }

    /// <summary>The reason (refused, rejected or unknown); null clears it.</summary>
    public string? Reason { get; init; }

    /// <summary>The panel's refill id; null keeps the one recorded.</summary>
    public long? RefillId { get; init; }

    /// <summary>The panel's refill status word; null keeps the one recorded.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>How many refill status polls so far.</summary>
    public int Polls { get; init; }

    /// <summary>When the refill is looked at again (sent again, or polled), from now on the store's clock; null for now.</summary>
    public TimeSpan? DueIn { get; init; }

    /// <summary>Keeps the lease (the refill is being sent); otherwise the write releases it.</summary>
    public bool KeepLease { get; init; }
}
