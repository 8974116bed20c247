namespace Plugsmm.Client.Testing;

/// <summary>An order the simulated panel took, as its ledger records it.</summary>
public sealed class SimulatedOrder
{
    internal SimulatedOrder(long id, SimulatedService service, string? link, long quantity, decimal charge, DateTimeOffset createdAt, IReadOnlyDictionary<string, string> fields)
    {
        Id = id;
        Service = service;
        Link = link;
        Quantity = quantity;
        Charge = charge;
        CreatedAt = createdAt;
        Fields = fields;
    }

    /// <summary>The order id returned to the client.</summary>
    public long Id { get; }

    /// <summary>The service ordered.</summary>
    public SimulatedService Service { get; }

    /// <summary>The link exactly as PHP parsed it (null for a Subscriptions order).</summary>
    public string? Link { get; }

    /// <summary>The quantity charged for (per run times runs for drip-feed).</summary>
    public long Quantity { get; }

    /// <summary>What the order cost: rate × quantity / 1000.</summary>
    public decimal Charge { get; internal set; }

    /// <summary>When the panel took it (simulated time).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Every field of the request as PHP parsed it (the key removed).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>When it was cancelled, if it was.</summary>
    public DateTimeOffset? CanceledAt { get; internal set; }

    /// <summary>The scripted status progression replacing the delivery simulation, if one was set.</summary>
    internal IReadOnlyList<SimulatedStatusStep>? Script { get; set; }

    /// <summary>The units a scripted order still had to deliver when it was canceled.</summary>
    internal long CanceledRemains { get; set; }
}
