namespace Plugsmm.Orders;

/// <summary>
/// One transition of an order, written in the same transaction as the transition and delivered at least once to
/// <see cref="IOrderEventHandler"/>. Deliveries of the same event carry the same <see cref="DedupeKey"/>.
/// </summary>
public sealed class OrderEvent
{
    /// <summary>The event's place in the outbox.</summary>
    public required long Sequence { get; init; }

    /// <summary>
    /// Stable across deliveries: <c>{orderId}:{kind}:{version}</c>, or <c>panel:{panel}:{kind}:{n}</c> for an event about
    /// the panel. Ignore an event whose key was handled before.
    /// </summary>
    public required string DedupeKey { get; init; }

    /// <summary>The store's id of the order; 0 for an event about the panel (<see cref="OrderEventKind.LowBalance"/>, <see cref="OrderEventKind.BalanceRestored"/>).</summary>
    public required long OrderId { get; init; }

    /// <summary>The front end's idempotency key of the order; empty for an event about the panel.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The panel (client name) of the order, or the panel the event is about.</summary>
    public required string Panel { get; init; }

    /// <summary>The panel's balance, for <see cref="OrderEventKind.LowBalance"/> and <see cref="OrderEventKind.BalanceRestored"/>.</summary>
    public decimal? Balance { get; init; }

    /// <summary>The transition.</summary>
    public required OrderEventKind Kind { get; init; }

    /// <summary>The order's state after the transition; <see cref="LocalOrderState.Accepted"/> (0) for an event about the panel.</summary>
    public required LocalOrderState State { get; init; }

    /// <summary>The panel's order id, for <see cref="OrderEventKind.Placed"/>.</summary>
    public long? ProviderOrderId { get; init; }

    /// <summary>The amount to refund the customer with this event (0 for most).</summary>
    public decimal RefundAmount { get; init; }

    /// <summary>The units the panel still has to deliver, for tracking events (<see cref="OrderEventKind.Progress"/>, final states).</summary>
    public long? Remains { get; init; }

    /// <summary>The panel's status word as it sent it, for tracking events.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The panel's refill id, for refill events once the panel took it.</summary>
    public long? RefillId { get; init; }

    /// <summary>The error reason behind the transition, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>When the transition happened, on the store's clock.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>How many deliveries were tried before this one.</summary>
    public int PreviousAttempts { get; init; }
}
