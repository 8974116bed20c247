namespace Plugsmm.Orders;

/// <summary>Where a local order is in its life. The numbers are stored: never renumber them.</summary>
public enum LocalOrderState
{
    /// <summary>Accepted from the front end; due to be placed.</summary>
    Accepted = 0,

    /// <summary>Refused for a reason that passes (funds, an active order on the link, a rate limit); placed again later.</summary>
    Waiting = 1,

    /// <summary>Recorded before <c>add</c> leaves; an order found here after a crash goes to the resolution queue.</summary>
    Placing = 2,

    /// <summary>The panel took it (<see cref="LocalOrder.ProviderOrderId"/> is its id) and it is tracked: its status is polled until it is final.</summary>
    Placed = 3,

    /// <summary><c>add</c> may have reached the panel: waits in the resolution queue for an operator, never re-sent.</summary>
    Unknown = 4,

    /// <summary>Refused for good before anything was placed, or reported failed by the panel; the whole price is refunded.</summary>
    Failed = 5,

    /// <summary>The panel reported it completed (final, nothing refunded).</summary>
    Completed = 6,

    /// <summary>The panel reported it partial (final): price × remains / quantity is refunded, rounded down.</summary>
    Partial = 7,

    /// <summary>The panel reported it canceled or refunded (final): the whole price is refunded.</summary>
    Canceled = 8,
}
