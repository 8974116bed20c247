namespace Plugsmm.Client;

/// <summary>
/// Every option's default, in one place (the options' XML docs say each, and tests pin them to the runbook). Internal:
/// a default compiled into callers could never change.
/// </summary>
internal static class PlugsmmDefaults
{
    /// <summary>The Plugsmmservice endpoint.</summary>
    public const string BaseAddress = "https://plugsmmservice.com/api/v2";

    /// <summary>The <c>User-Agent</c> header.</summary>
    public const string UserAgent = "Plugsmm.Client/1.0 (+https://www.nuget.org/packages/Plugsmm.Client)";

    /// <summary>The cap on an answer's size: 64 MiB (a 10,000-service catalogue is about 3 MB).</summary>
    public const long MaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>One attempt: the runbook's 30 s.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A whole call, retries and waits included: 120 s.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetryAttempts = 3;

    /// <summary>The first retry delay, doubling each retry.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed calls in the sampling window that opens the breaker.</summary>
    public const double FailureRatio = 0.5;

    /// <summary>The fewest calls in the sampling window before the breaker may open.</summary>
    public const int MinimumThroughput = 10;

    /// <summary>The breaker's sampling window.</summary>
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open: the runbook's recovery timeout of 60 s.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(60);
}
