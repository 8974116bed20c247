namespace Plugsmm.Orders;

/// <summary>An order as the store holds it.</summary>
public sealed class LocalOrder
{
    /// <summary>The store's id of the order.</summary>
    public required long Id { get; init; }

    /// <summary>The front end's idempotency key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The client name of the panel it is placed through.</summary>
    public required string Panel { get; init; }

    /// <summary>The panel's service id.</summary>
    public required long ServiceId { get; init; }

    /// <summary>The link.</summary>
    public required string Link { get; init; }

    /// <summary>The quantity ordered.</summary>
    public required long Quantity { get; init; }

    /// <summary>What the customer paid.</summary>
    public required decimal Price { get; init; }

    /// <summary>Where the order is.</summary>
    public required LocalOrderState State { get; init; }

    /// <summary>How many transitions the order has had (each event's key carries it).</summary>
    public long Version { get; init; }

    /// <summary>How many times <c>add</c> was tried.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the order is waiting, failed or unknown: an error reason such as <c>insufficient_funds</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The panel's order id, once placed.</summary>
    public long? ProviderOrderId { get; init; }

    /// <summary>When the panel took it (or an operator resolved it as placed), on the store's clock.</summary>
    public DateTimeOffset? PlacedAt { get; init; }

    /// <summary>The panel's last status word, exactly as it sent it (tracking).</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The count when delivery started, once the panel reported it (tracking).</summary>
    public long? StartCount { get; init; }

    /// <summary>How many times the order's status was polled (the tracking backoff).</summary>
    public int Polls { get; init; }

    /// <summary>What the panel charged, once known (tracking; for margins).</summary>
    public decimal? ProviderCharge { get; init; }

    /// <summary>The units the panel still has to deliver, once known (tracking; not set by placement).</summary>
    public long? Remains { get; init; }

    /// <summary>Where a cancel on request is; null when none was requested.</summary>
    public CancelState? Cancel { get; init; }

    /// <summary>The panel's reason for a refused or unknown cancel.</summary>
    public string? CancelReason { get; init; }

    /// <summary>Where the latest refill on request is; null when none was requested.</summary>
    public RefillRequestState? Refill { get; init; }

    /// <summary>The panel's id of the latest refill, once it took it.</summary>
    public long? RefillId { get; init; }

    /// <summary>Why the latest refill was refused, rejected or is unknown: the panel's reason (<c>refill_not_eligible</c>, …).</summary>
    public string? RefillReason { get; init; }

    /// <summary>The panel's last refill status word, exactly as it sent it.</summary>
    public string? RefillStatus { get; init; }

    /// <summary>How many times the latest refill's status was polled.</summary>
    public int RefillPolls { get; init; }

    /// <summary>The refunds so far, never more than <see cref="Price"/>.</summary>
    public decimal RefundedAmount { get; init; }

    /// <summary>When the engine next looks at the order (a placement retry, or the next status poll), on the store's clock.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>When it was accepted, on the store's clock.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed, on the store's clock.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
