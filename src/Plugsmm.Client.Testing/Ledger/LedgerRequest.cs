namespace Plugsmm.Client.Testing;

/// <summary>One request the simulated panel received.</summary>
public sealed record LedgerRequest
{
    /// <summary>When (simulated time).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The <c>action</c> field, or empty.</summary>
    public required string Action { get; init; }

    /// <summary>The top-level fields as PHP parsed them, the key replaced by <c>***</c>.</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>The fault injected into this request, if any.</summary>
    public PanelFault? Fault { get; init; }

    /// <summary>Whether the panel carried the request out (an order taken, a refill made, …).</summary>
    public bool Processed { get; init; }
}
