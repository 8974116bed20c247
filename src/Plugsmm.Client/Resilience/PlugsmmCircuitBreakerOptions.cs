using System.ComponentModel.DataAnnotations;

// IL2026: RangeAttribute(Type, string, string) converts its bounds by reflection when it runs. It never runs here: the
// generated validator (PlugsmmClientOptionsBounds) checks these bounds with its own trim-safe copy of the attribute.
#pragma warning disable IL2026

namespace Plugsmm.Client;

/// <summary>
/// The circuit breaker of a panel (configuration: <c>Plugsmm:Resilience:CircuitBreaker:…</c>), shared by every client
/// of the same name. It counts transient and rate-limited failures and timeouts, never the panel's refusals.
/// </summary>
public sealed class PlugsmmCircuitBreakerOptions
{
    /// <summary>The share of failed calls in the sampling window that opens the breaker, above 0 and at most 1. Default: 0.5.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FailureRatio { get; set; } = PlugsmmDefaults.FailureRatio;

    /// <summary>The fewest calls in the sampling window before the breaker may open, at least 2. Default: 10.</summary>
    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = PlugsmmDefaults.MinimumThroughput;

    /// <summary>The breaker's sampling window, from 0.5 s to 1 day. Default: 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = PlugsmmDefaults.SamplingDuration;

    /// <summary>How long the breaker stays open before one trial call, from 0.5 s to 1 day. Default: 60 s (the runbook's recovery timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = PlugsmmDefaults.BreakDuration;

    /// <summary>A copy that later changes to these options do not reach.</summary>
    internal PlugsmmCircuitBreakerOptions Clone() => (PlugsmmCircuitBreakerOptions)MemberwiseClone();
}
