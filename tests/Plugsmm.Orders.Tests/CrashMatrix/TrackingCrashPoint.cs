namespace Plugsmm.Orders.Tests;

/// <summary>The step boundaries of tracking where the process dies.</summary>
public enum TrackingCrashPoint
{
    /// <summary>A tracking batch is claimed under leases; its status request never left.</summary>
    AfterTrackingClaim,

    /// <summary>The panel answered the status request; the final state is not recorded.</summary>
    AfterStatusBeforeRecording,

    /// <summary>The final state, its refund and its event are recorded; the event was not delivered.</summary>
    AfterStatusRecorded,
}
