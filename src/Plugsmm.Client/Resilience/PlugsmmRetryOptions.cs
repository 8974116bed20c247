using System.ComponentModel.DataAnnotations;

// IL2026: RangeAttribute(Type, string, string) converts its bounds by reflection when it runs. It never runs here: the
// generated validator (PlugsmmClientOptionsBounds) checks these bounds with its own trim-safe copy of the attribute.
#pragma warning disable IL2026

namespace Plugsmm.Client;

/// <summary>
/// The retries of a call (configuration: <c>Plugsmm:Resilience:Retry:…</c>). Which failures are retried is the SDK's
/// rule, not an option: calls with side effects (<c>add</c>, <c>refill</c>, <c>cancel</c>) only when the request
/// certainly did not reach the panel, so no order is ever sent twice.
/// </summary>
public sealed class PlugsmmRetryOptions
{
    /// <summary>Retries after the first attempt, 0 (no retries) to 10. Default: 3.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = PlugsmmDefaults.MaxRetryAttempts;

    /// <summary>The first retry delay, above zero and at most 1 day; later ones double (exponential backoff). Default: 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", "1.00:00:00")]
    public TimeSpan Delay { get; set; } = PlugsmmDefaults.RetryDelay;

    /// <summary>
    /// The longest retry delay, at least <see cref="Delay"/> and at most 1 day. A <c>Retry-After</c> longer than this is
    /// not waited for: the call fails as rate-limited. Default: 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = PlugsmmDefaults.MaxRetryDelay;

    /// <summary>Whether retry delays are jittered (spread so many bots do not retry in step). Default: <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>A copy that later changes to these options do not reach.</summary>
    internal PlugsmmRetryOptions Clone() => (PlugsmmRetryOptions)MemberwiseClone();
}
