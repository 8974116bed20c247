namespace Plugsmm.Client.Testing;

/// <summary>What the simulated panel does with one request: the answer to send, or how to fail it.</summary>
internal sealed record PanelExchange(int StatusCode, string ContentType, string Body, PanelFault? Fault)
{
    /// <summary>The panel's own latency on every answer (<see cref="SimulatedPanel.Latency"/>).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>How long to wait before answering (simulated time): the panel's latency, plus a latency fault's.</summary>
    public TimeSpan Delay => Latency + (Fault?.Kind == PanelFaultKind.Latency ? Fault.Delay : TimeSpan.Zero);

    /// <summary>Whether the connection is closed instead of answering.</summary>
    public bool Drop => Fault?.Kind is PanelFaultKind.DropBeforeProcessing or PanelFaultKind.DropAfterProcessing;

    /// <summary>The <c>Retry-After</c> to send, in whole seconds.</summary>
    public int? RetryAfterSeconds => Fault?.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
}
