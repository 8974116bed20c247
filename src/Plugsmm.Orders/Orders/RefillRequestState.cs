namespace Plugsmm.Orders;

/// <summary>Where a refill on request is (<see cref="LocalOrder.Refill"/>). The numbers are stored: never renumber them.</summary>
public enum RefillRequestState
{
    /// <summary>Requested; the engine sends the panel's <c>refill</c> at its next step.</summary>
    Requested = 0,

    /// <summary>Recorded as being sent, under a lease, before <c>refill</c> left. Found so after a crash: <see cref="Unknown"/>, never sent again.</summary>
    Sending = 1,

    /// <summary>The panel took it (<see cref="LocalOrder.RefillId"/>); its <c>refill_status</c> is polled to its end.</summary>
    Pending = 2,

    /// <summary>The panel reports the refill completed.</summary>
    Completed = 3,

    /// <summary>The panel refused the refill request or rejected the refill (<see cref="LocalOrder.RefillReason"/>).</summary>
    Refused = 4,

    /// <summary>The refill request may have reached the panel; it is not sent again (look on the panel).</summary>
    Unknown = 5,
}
