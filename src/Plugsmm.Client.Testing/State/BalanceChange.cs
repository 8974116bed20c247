namespace Plugsmm.Client.Testing;

/// <summary>One movement of the simulated balance.</summary>
public sealed record BalanceChange
{
    /// <summary>When (simulated time).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The change: negative for a charge, positive for a refund or top-up.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The balance after it.</summary>
    public required decimal Balance { get; init; }

    /// <summary>What it was (<c>order 5</c>, <c>refund of order 5</c>, <c>top-up</c>).</summary>
    public required string Reason { get; init; }
}
