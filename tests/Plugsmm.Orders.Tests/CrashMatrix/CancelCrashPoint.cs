namespace Plugsmm.Orders.Tests;

/// <summary>The step boundaries of a cancel on request where the process dies.</summary>
public enum CancelCrashPoint
{
    /// <summary>The cancel request and its event are recorded; nothing was sent.</summary>
    AfterCancelRequested,

    /// <summary>A cancel batch is claimed under leases; nothing was marked or sent.</summary>
    AfterCancelClaim,

    /// <summary>The cancel is recorded as being sent; <c>cancel</c> never left.</summary>
    AfterMarkingSending,

    /// <summary>The panel answered <c>cancel</c>; the answer is not recorded.</summary>
    AfterCancelAnsweredBeforeRecording,

    /// <summary>The answer and its event are recorded; the event was not delivered.</summary>
    AfterCancelRecorded,
}
