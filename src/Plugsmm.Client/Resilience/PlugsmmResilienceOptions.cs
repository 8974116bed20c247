namespace Plugsmm.Client;

/// <summary>
/// Retry, circuit breaker and total timeout around every call (the per-attempt timeout is
/// <see cref="PlugsmmClientOptions.Timeout"/>). Defaults are the named constants below, pinned by tests.
/// Calls with side effects (<c>add</c>, <c>refill</c>, <c>cancel</c>) are retried only when the request certainly
/// did not reach the panel: no order is ever sent twice.
/// </summary>
public sealed class PlugsmmResilienceOptions
{
    /// <summary>Default retries after the first attempt: 3.</summary>
    public const int DefaultMaxRetryAttempts = 3;

    /// <summary>Default first retry delay: 1 s, doubling each retry (with jitter).</summary>
    public const int DefaultRetryDelayMilliseconds = 1000;

    /// <summary>Default longest retry delay: 30 s. A <c>Retry-After</c> longer than this is not waited for: the call fails as rate-limited.</summary>
    public const int DefaultMaxRetryDelaySeconds = 30;

    /// <summary>Default limit on a whole call, retries and waits included: 120 s.</summary>
    public const int DefaultTotalTimeoutSeconds = 120;

    /// <summary>Default share of failed calls in the sampling window that opens the breaker: 0.5.</summary>
    public const double DefaultFailureRatio = 0.5;

    /// <summary>Default fewest calls in the sampling window before the breaker may open: 10.</summary>
    public const int DefaultMinimumThroughput = 10;

    /// <summary>Default sampling window of the breaker: 30 s.</summary>
    public const int DefaultSamplingDurationSeconds = 30;

    /// <summary>Default time the breaker stays open before letting one trial call through: 60 s (the runbook's recovery timeout).</summary>
    public const int DefaultBreakDurationSeconds = 60;

    /// <summary>Retries after the first attempt (0 turns retries off). Default <see cref="DefaultMaxRetryAttempts"/>.</summary>
    public int MaxRetryAttempts { get; set; } = DefaultMaxRetryAttempts;

    /// <summary>The first retry delay; later ones double, with jitter. Default <see cref="DefaultRetryDelayMilliseconds"/> ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(DefaultRetryDelayMilliseconds);

    /// <summary>The longest retry delay. Default <see cref="DefaultMaxRetryDelaySeconds"/> s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(DefaultMaxRetryDelaySeconds);

    /// <summary>Whether retry delays are jittered (spread so many bots do not retry in step). Default on.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The limit on a whole call, retries included. Default <see cref="DefaultTotalTimeoutSeconds"/> s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(DefaultTotalTimeoutSeconds);

    /// <summary>The share of failed calls (transient or rate-limited) in the window that opens the breaker. Default <see cref="DefaultFailureRatio"/>.</summary>
    public double FailureRatio { get; set; } = DefaultFailureRatio;

    /// <summary>The fewest calls in the window before the breaker may open. Default <see cref="DefaultMinimumThroughput"/>.</summary>
    public int MinimumThroughput { get; set; } = DefaultMinimumThroughput;

    /// <summary>The breaker's sampling window. Default <see cref="DefaultSamplingDurationSeconds"/> s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(DefaultSamplingDurationSeconds);

    /// <summary>How long the breaker stays open. Default <see cref="DefaultBreakDurationSeconds"/> s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(DefaultBreakDurationSeconds);
}
