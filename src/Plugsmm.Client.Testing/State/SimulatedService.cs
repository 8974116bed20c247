namespace Plugsmm.Client.Testing;

/// <summary>A service of the simulated panel's catalogue.</summary>
public sealed class SimulatedService
{
    /// <summary>The service id.</summary>
    public required long Id { get; init; }

    /// <summary>The name shown in the catalogue.</summary>
    public string Name { get; init; } = "Simulated service";

    /// <summary>The type as panels spell it (<c>Default</c>, <c>Package</c>, <c>Custom Comments</c>, …).</summary>
    public string Type { get; init; } = "Default";

    /// <summary>The category shown in the catalogue.</summary>
    public string Category { get; init; } = "Simulated";

    /// <summary>The price per 1,000 units.</summary>
    public decimal RatePer1000 { get; init; } = 1m;

    /// <summary>The smallest quantity accepted.</summary>
    public long Min { get; init; } = 10;

    /// <summary>The largest quantity accepted.</summary>
    public long Max { get; init; } = 100_000;

    /// <summary>Whether orders can be refilled.</summary>
    public bool Refill { get; init; }

    /// <summary>Whether orders can be cancelled.</summary>
    public bool Cancel { get; init; }

    /// <summary>Whether drip-feed is offered.</summary>
    public bool DripFeed { get; init; }

    /// <summary>How long an order stays Pending before delivery starts.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromMinutes(1);

    private readonly long _unitsPerMinute = 100;

    /// <summary>Units delivered per minute once In progress (positive).</summary>
    public long UnitsPerMinute
    {
        get => _unitsPerMinute;
        init => _unitsPerMinute = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "UnitsPerMinute must be positive.");
    }

    /// <summary>The share of an order that gets delivered: below 1 ends as Partial, the rest refunded.</summary>
    public decimal DeliveredShare { get; init; } = 1m;

    private readonly TimeSpan? _refillPeriod;

    /// <summary>
    /// How long after an order ended (Completed or Partial) it can still be refilled; null (the default) for no limit.
    /// A later <c>refill</c> is refused with <c>Order is too old</c>.
    /// </summary>
    public TimeSpan? RefillPeriod
    {
        get => _refillPeriod;
        init => _refillPeriod = value is not { } period || period >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RefillPeriod must not be negative.");
    }

    /// <summary>Whether refills of its orders end <c>Rejected</c> instead of <c>Completed</c> (after the same 10 minutes Pending).</summary>
    public bool RefillRejects { get; init; }
}
