namespace Plugsmm.Client;

/// <summary>
/// Settings of one panel client. Defaults are the named constants below; bind from configuration and the
/// runbook's environment variables with <c>AddPlugsmmClient(configuration)</c>. Checked at start-up.
/// </summary>
public sealed class PlugsmmClientOptions
{
    /// <summary>The Plugsmmservice endpoint: <c>https://plugsmmservice.com/api/v2</c>.</summary>
    public const string DefaultBaseAddress = "https://plugsmmservice.com/api/v2";

    /// <summary>The default timeout of one request, in seconds (the runbook's 30 s).</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>The default <c>User-Agent</c>.</summary>
    public const string DefaultUserAgent = "Plugsmm.Client/1.0 (+https://www.nuget.org/packages/Plugsmm.Client)";

    /// <summary>The default cap on an answer's size: 64 MiB (a 10,000-service catalogue is about 3 MB).</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>The configuration section <c>AddPlugsmmClient(configuration)</c> reads: <c>Plugsmm</c>.</summary>
    public const string SectionName = "Plugsmm";

    /// <summary>The runbook's environment variable for the API key: <c>PLUGSMMS_API_KEY</c>.</summary>
    public const string ApiKeyVariable = "PLUGSMMS_API_KEY";

    /// <summary>The runbook's feature flag: <c>PLUGSMM_USE_NEW_API</c> (<c>false</c> rolls back to the legacy encoding).</summary>
    public const string UseNewApiVariable = "PLUGSMM_USE_NEW_API";

    /// <summary>The panel's API key, sent as <c>key</c> in every request body. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API endpoint, absolute; <c>https</c> (plain <c>http</c> only to loopback). Default <see cref="DefaultBaseAddress"/>.</summary>
    public Uri BaseAddress { get; set; } = new(DefaultBaseAddress);

    /// <summary>How long one request may take before it fails with a timeout. Default <see cref="DefaultTimeoutSeconds"/> seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>The <c>User-Agent</c> header. Default <see cref="DefaultUserAgent"/>.</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// <see langword="true"/> (the default): bodies are encoded as PHP does (<see cref="PhpFormEncoder"/>).
    /// <see langword="false"/>: the runbook's rollback, bodies encoded as <c>FormUrlEncodedContent</c> does, and
    /// "using legacy adapter" is logged once.
    /// </summary>
    public bool UseNewApi { get; set; } = true;

    /// <summary>
    /// The largest answer read, at most 1 GiB; a longer one fails without being read further. Memory is taken as the
    /// answer arrives, never on its <c>Content-Length</c>. Default <see cref="DefaultMaxResponseBytes"/>.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Retry, circuit breaker and total timeout around every call.</summary>
    public PlugsmmResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// Operators' rules for classifying the panel's error messages, tried before the built-in ones
    /// (configuration: <c>Plugsmm:ErrorRules:0:Pattern</c>, <c>…:Kind</c>, <c>…:Reason</c>).
    /// </summary>
    public IList<PlugsmmErrorRule> ErrorRules { get; } = [];

    /// <summary>A copy that later changes to these options (or their rules) do not reach: what a client keeps.</summary>
    internal PlugsmmClientOptions Clone()
    {
        var copy = new PlugsmmClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = BaseAddress,
            Timeout = Timeout,
            UserAgent = UserAgent,
            UseNewApi = UseNewApi,
            MaxResponseBytes = MaxResponseBytes,
            Resilience = new PlugsmmResilienceOptions
            {
                MaxRetryAttempts = Resilience.MaxRetryAttempts,
                RetryDelay = Resilience.RetryDelay,
                MaxRetryDelay = Resilience.MaxRetryDelay,
                UseJitter = Resilience.UseJitter,
                TotalTimeout = Resilience.TotalTimeout,
                FailureRatio = Resilience.FailureRatio,
                MinimumThroughput = Resilience.MinimumThroughput,
                SamplingDuration = Resilience.SamplingDuration,
                BreakDuration = Resilience.BreakDuration,
            },
        };
        foreach (var rule in ErrorRules)
        {
            copy.ErrorRules.Add(new PlugsmmErrorRule { Pattern = rule.Pattern, Kind = rule.Kind, Reason = rule.Reason });
        }

        return copy;
    }
}
