using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

// IL2026: RangeAttribute(Type, string, string) converts its bounds by reflection when it runs. It never runs here: the
// generated validator (PlugsmmClientOptionsBounds) checks these bounds with its own trim-safe copy of the attribute.
#pragma warning disable IL2026

namespace Plugsmm.Client;

/// <summary>
/// What runs around every call (configuration: <c>Plugsmm:Resilience:…</c>), composed as
/// <c>Microsoft.Extensions.Http.Resilience</c>'s standard pipeline is: the total timeout, the retries, the circuit
/// breaker, then the timeout of each attempt. Calls with side effects (<c>add</c>, <c>refill</c>, <c>cancel</c>) are
/// retried only when the request certainly did not reach the panel: no order is ever sent twice.
/// </summary>
public sealed class PlugsmmResilienceOptions
{
    /// <summary>
    /// How long one attempt (one request) may take before it fails with a timeout, from 10 ms to 10 minutes, and at
    /// most <see cref="TotalTimeout"/>. Default: 30 s (the runbook's).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = PlugsmmDefaults.AttemptTimeout;

    /// <summary>The limit on a whole call, retries and their waits included, from 10 ms to 1 hour. Default: 120 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = PlugsmmDefaults.TotalTimeout;

    /// <summary>The retries.</summary>
    [Required]
    [ValidateObjectMembers]
    public PlugsmmRetryOptions Retry { get; set; } = new();

    /// <summary>The circuit breaker.</summary>
    [Required]
    [ValidateObjectMembers]
    public PlugsmmCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>A copy that later changes to these options do not reach.</summary>
    internal PlugsmmResilienceOptions Clone()
    {
        var copy = (PlugsmmResilienceOptions)MemberwiseClone();
        copy.Retry = Retry?.Clone()!;
        copy.CircuitBreaker = CircuitBreaker?.Clone()!;
        return copy;
    }
}
