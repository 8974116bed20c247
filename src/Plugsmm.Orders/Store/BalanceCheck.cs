namespace Plugsmm.Orders;

/// <summary>What recording one balance check of a panel did (<see cref="IOrderStore.RecordBalanceAsync"/>).</summary>
public sealed class BalanceCheck
{
    /// <summary>The panel (client name).</summary>
    public required string Panel { get; init; }

    /// <summary>The balance the panel reported.</summary>
    public required decimal Balance { get; init; }

    /// <summary>The balance recorded by the check before, or null for the panel's first check.</summary>
    public decimal? PreviousBalance { get; init; }

    /// <summary>True when the balance is below the threshold.</summary>
    public bool Low { get; init; }

    /// <summary>True when this check crossed below the threshold: a <see cref="OrderEventKind.LowBalance"/> event was enqueued.</summary>
    public bool Alerted { get; init; }

    /// <summary>True when this check crossed back to the threshold or above: a <see cref="OrderEventKind.BalanceRestored"/> event was enqueued.</summary>
    public bool Restored { get; init; }

    /// <summary>How many orders waiting for funds on the panel were made due at once because the balance rose (a top-up).</summary>
    public int OrdersWoken { get; init; }
}
