namespace Plugsmm.Orders;

/// <summary>Where a cancel on request is (<see cref="LocalOrder.Cancel"/>). The numbers are stored: never renumber them.</summary>
public enum CancelState
{
    /// <summary>Requested; the engine sends the panel's <c>cancel</c> at its next step.</summary>
    Requested = 0,

    /// <summary>Recorded as being sent, under a lease, before <c>cancel</c> left. Found so after a crash: <see cref="Unknown"/>, never sent again.</summary>
    Sending = 1,

    /// <summary>The panel accepted the cancel; the order is tracked until the panel reports it canceled (refunded then, not before).</summary>
    Accepted = 2,

    /// <summary>The panel refused the cancel (<see cref="LocalOrder.CancelReason"/>); the order runs on, nothing refunded. It may be requested again.</summary>
    Refused = 3,

    /// <summary>The cancel may have reached the panel; it is not sent again, and the tracked status tells the truth.</summary>
    Unknown = 4,
}
