namespace Plugsmm.Orders;

/// <summary>The transition an event reports. The numbers are stored: never renumber them.</summary>
public enum OrderEventKind
{
    /// <summary>The order was accepted.</summary>
    Accepted = 0,

    /// <summary>The panel took the order (or an operator resolved it as placed): <see cref="OrderEvent.ProviderOrderId"/>.</summary>
    Placed = 1,

    /// <summary>The panel refused for a passing reason (<see cref="OrderEvent.Reason"/>); the order is placed again later.</summary>
    Waiting = 2,

    /// <summary>Refused for good, nothing placed, or reported failed by the panel: <see cref="OrderEvent.RefundAmount"/> is what was left of the price.</summary>
    Failed = 3,

    /// <summary><c>add</c> may have reached the panel: the order is in the resolution queue.</summary>
    OutcomeUnknown = 4,

    /// <summary>An operator resolved an unknown order as not placed: it is placeable again.</summary>
    Requeued = 5,

    /// <summary>A tracked order's <see cref="OrderEvent.Remains"/> changed (start count and charge are recorded on the order).</summary>
    Progress = 6,

    /// <summary>The panel reported the order completed: final, nothing refunded.</summary>
    Completed = 7,

    /// <summary>The panel reported the order partial: final, <see cref="OrderEvent.RefundAmount"/> is price × remains / quantity, rounded down.</summary>
    Partial = 8,

    /// <summary>The panel reported the order canceled or refunded: final, <see cref="OrderEvent.RefundAmount"/> is what was left of the price.</summary>
    Canceled = 9,

    /// <summary>The panel answered a status word the SDK does not know (<see cref="OrderEvent.ProviderStatus"/>); the order is still polled.</summary>
    StatusUnrecognized = 10,

    /// <summary>The panel still says <c>Incorrect order ID</c> after the grace period; the order is still polled: check it on the panel.</summary>
    NotFoundOnPanel = 11,

    /// <summary>A cancel was requested (<see cref="OrderEngine.RequestCancelAsync"/>); nothing is refunded until the panel reports the order canceled.</summary>
    CancelRequested = 12,

    /// <summary>The panel accepted the cancel; the order is tracked until it reports it canceled (then <see cref="Canceled"/> carries the refund).</summary>
    CancelAccepted = 13,

    /// <summary>The panel refused the cancel (<see cref="OrderEvent.Reason"/>): the order runs on, nothing refunded.</summary>
    CancelRefused = 14,

    /// <summary>The cancel may have reached the panel (<see cref="OrderEvent.Reason"/>); it is not sent again: the tracked status tells.</summary>
    CancelUnknown = 15,

    /// <summary>A refill was requested (<see cref="OrderEngine.RequestRefillAsync"/>) for a completed order; not sent yet.</summary>
    RefillRequested = 16,

    /// <summary>The panel took the refill request: <see cref="OrderEvent.RefillId"/>; its status is polled to its end.</summary>
    RefillAccepted = 17,

    /// <summary>The panel reports the refill completed.</summary>
    RefillCompleted = 18,

    /// <summary>The panel refused the refill request or rejected the refill: <see cref="OrderEvent.Reason"/> (never shown as requested).</summary>
    RefillRefused = 19,

    /// <summary>The refill request may have reached the panel (<see cref="OrderEvent.Reason"/>); it is not sent again.</summary>
    RefillUnknown = 20,

    /// <summary>
    /// About the panel, not an order (<see cref="OrderEvent.OrderId"/> 0): its balance (<see cref="OrderEvent.Balance"/>)
    /// fell below <c>PlugsmmOrdersOptions.LowBalanceThreshold</c>. Once per crossing, not once per check: top the panel up.
    /// </summary>
    LowBalance = 21,

    /// <summary>About the panel: its balance is back at or above the threshold after a <see cref="LowBalance"/>.</summary>
    BalanceRestored = 22,
}
