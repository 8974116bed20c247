namespace Plugsmm.Orders.Tests;

/// <summary>The step boundaries of a refill on request where the process dies.</summary>
public enum RefillCrashPoint
{
    /// <summary>The refill request and its event are recorded; nothing was sent.</summary>
    AfterRefillRequested,

    /// <summary>A refill batch is claimed under leases; nothing was marked or sent.</summary>
    AfterRefillClaim,

    /// <summary>The refill is recorded as being sent; <c>refill</c> never left.</summary>
    AfterMarkingRefillSending,

    /// <summary>The panel answered <c>refill</c>; the answer is not recorded.</summary>
    AfterRefillAnsweredBeforeRecording,

    /// <summary>The answer (refill id or refusal) and its event are recorded; the event was not delivered.</summary>
    AfterRefillRecorded,

    /// <summary>The panel reported the refill completed; that is not recorded.</summary>
    AfterRefillStatusBeforeRecording,
}
