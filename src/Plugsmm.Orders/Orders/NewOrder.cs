namespace Plugsmm.Orders;

/// <summary>An order as a front end hands it over: what to buy, from which panel, at what price to the customer.</summary>
public sealed class NewOrder
{
    /// <summary>The most characters an idempotency key may have.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// The front end's key for this order (one per customer purchase): accepting the same key again returns the same
    /// order; the same key with a different order is refused.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The name given to <c>AddPlugsmmClient</c> for the panel to place through; the empty string for the default client.</summary>
    public string Panel { get; init; } = string.Empty;

    /// <summary>The panel's service id.</summary>
    public required long ServiceId { get; init; }

    /// <summary>The link to boost.</summary>
    public required string Link { get; init; }

    /// <summary>How many units.</summary>
    public required long Quantity { get; init; }

    /// <summary>What the customer paid, in the front end's currency: the amount refunded when the order fails.</summary>
    public required decimal Price { get; init; }
}
