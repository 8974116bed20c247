namespace Plugsmm.Client;

/// <summary>The state of a client's circuit breaker.</summary>
public enum PlugsmmCircuitState
{
    /// <summary>Calls flow (the runbook's healthy state).</summary>
    Closed = 0,

    /// <summary>Too many failures: calls fail at once with "Circuit breaker open - skipping provider API call".</summary>
    Open,

    /// <summary>The break is over: one trial call decides whether to close or open again.</summary>
    HalfOpen,

    /// <summary>Held open by hand.</summary>
    Isolated,
}
