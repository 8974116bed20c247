namespace Plugsmm.Client;

/// <summary>One service of the panel's catalogue (the <c>services</c> action).</summary>
public sealed class Service
{
    /// <summary>The service id to order with (<c>service</c>).</summary>
    public required long Id { get; init; }

    /// <summary>The name the panel shows.</summary>
    public required string Name { get; init; }

    /// <summary>The order type as the panel spells it (<c>Default</c>, <c>Custom Comments</c>, …); decides which order request fits.</summary>
    public required string Type { get; init; }

    /// <summary>The panel's category.</summary>
    public required string Category { get; init; }

    /// <summary>The price per 1,000 units in the panel's currency, every decimal kept.</summary>
    public required decimal RatePer1000 { get; init; }

    /// <summary>The smallest quantity the panel accepts.</summary>
    public required long Min { get; init; }

    /// <summary>The largest quantity the panel accepts.</summary>
    public required long Max { get; init; }

    /// <summary>Whether orders can be refilled; <see langword="null"/> when the panel does not say.</summary>
    public bool? Refill { get; init; }

    /// <summary>Whether orders can be cancelled; <see langword="null"/> when the panel does not say.</summary>
    public bool? Cancel { get; init; }

    /// <summary>Whether drip-feed is offered; <see langword="null"/> when the panel does not say.</summary>
    public bool? DripFeed { get; init; }
}
