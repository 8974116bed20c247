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

    /// <summary>Refused for good, nothing placed: <see cref="OrderEvent.RefundAmount"/> is the whole price.</summary>
    Failed = 3,

    /// <summary><c>add</c> may have reached the panel: the order is in the resolution queue.</summary>
    OutcomeUnknown = 4,

    /// <summary>An operator resolved an unknown order as not placed: it is placeable again.</summary>
    Requeued = 5,
}
