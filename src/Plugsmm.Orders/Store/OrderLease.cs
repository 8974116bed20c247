namespace Plugsmm.Orders;

/// <summary>
/// An order claimed by one engine: only a write carrying this <see cref="Fence"/> (and owner) changes the order. A
/// later claim, after the lease expired, increments the fence, so the earlier holder's writes are refused.
/// </summary>
public sealed class OrderLease
{
    /// <summary>The order as it was when claimed.</summary>
    public required LocalOrder Order { get; init; }

    /// <summary>Who holds the lease.</summary>
    public required string Owner { get; init; }

    /// <summary>The fencing token: one more than the order's previous claim.</summary>
    public required long Fence { get; init; }

    /// <summary>When the order was claimed, on the store's clock.</summary>
    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>When the lease runs out, on the store's clock.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
