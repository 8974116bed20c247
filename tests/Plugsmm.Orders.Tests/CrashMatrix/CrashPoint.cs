namespace Plugsmm.Orders.Tests;

/// <summary>The step boundaries of placement and delivery where the process dies.</summary>
public enum CrashPoint
{
    /// <summary>The order is stored; the front end never hears back.</summary>
    AfterAccept,

    /// <summary>A lease is taken; nothing else happened.</summary>
    AfterClaim,

    /// <summary>"Placing" is recorded; <c>add</c> never left.</summary>
    AfterMarkingPlacing,

    /// <summary><c>add</c> returned (an id, a refusal or no answer); its outcome is not recorded.</summary>
    AfterAddBeforeRecording,

    /// <summary>The outcome and its event are recorded; nothing was delivered.</summary>
    AfterRecording,

    /// <summary>The outcome's event is in the handler when the process dies.</summary>
    InEventHandler,

    /// <summary>The handler returned; the acknowledgement never reached the store.</summary>
    AfterHandlerBeforeAck,
}
