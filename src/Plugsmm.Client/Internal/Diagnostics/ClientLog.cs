using Microsoft.Extensions.Logging;

namespace Plugsmm.Client;

/// <summary>
/// The client's log lines, source-generated, with the runbook's phrases. Event ids are stable (docs/telemetry.md):
/// operators alert on them. No line ever holds a request body or the API key.
/// </summary>
internal static partial class ClientLog
{
    /// <summary>One per call: <c>grep "Plugsmm API request"</c> counts calls.</summary>
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Plugsmm API request action={Action} panel={Panel} correlation_id={CorrelationId}")]
    public static partial void Request(ILogger logger, string action, string panel, string correlationId);

    /// <summary>The runbook's rollback check: <c>grep "using legacy adapter"</c>.</summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Plugsmm client '{ClientName}' using legacy adapter: PLUGSMM_USE_NEW_API=false, request bodies are encoded as FormUrlEncodedContent does")]
    public static partial void UsingLegacyAdapter(ILogger logger, string clientName);

    /// <summary>One per successful call: <c>grep "Plugsmm API success"</c>.</summary>
    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Plugsmm API success action={Action} latency_ms={LatencyMs} attempts={Attempts} correlation_id={CorrelationId}")]
    public static partial void Success(ILogger logger, string action, long latencyMs, int attempts, string correlationId);

    /// <summary>One per failed call: <c>grep "Plugsmm API.*error"</c>, <c>grep "error_type="</c>, <c>grep "Plugsmm API.*HTTP 500"</c>.</summary>
    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "Plugsmm API error error_type={ErrorType} action={Action} HTTP {StatusCode} status_code={StatusCode} reason={Reason} attempts={Attempts} outcome_unknown={OutcomeUnknown} correlation_id={CorrelationId} message={ErrorMessage} response_preview={ResponsePreview}")]
    public static partial void Error(ILogger logger, PlugsmmErrorKind errorType, string action, string statusCode, string reason, int attempts, bool outcomeUnknown, string correlationId, string errorMessage, string responsePreview);

    /// <summary>Each answer that is not JSON, retried or not: <c>grep "Invalid JSON response"</c>.</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Invalid JSON response from the panel action={Action} status_code={StatusCode} correlation_id={CorrelationId} response_preview={ResponsePreview}")]
    public static partial void InvalidJson(ILogger logger, string action, int? statusCode, string correlationId, string responsePreview);

    /// <summary>Each attempt that ran out of time: <c>grep "timeout"</c>.</summary>
    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "Request timeout after {Seconds}s action={Action} correlation_id={CorrelationId}")]
    public static partial void Timeout(ILogger logger, double seconds, string action, string correlationId);

    /// <summary>Each call skipped while the breaker is open: <c>grep "Circuit breaker open"</c>.</summary>
    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning,
        Message = "Circuit breaker open - skipping provider API call action={Action} panel={Panel} correlation_id={CorrelationId}")]
    public static partial void CircuitOpenSkip(ILogger logger, string action, string panel, string correlationId);

    /// <summary>
    /// Each retry, with its number and delay. Not a "Plugsmm API" line: <c>grep "Plugsmm API.*error"</c> and
    /// <c>grep "Plugsmm API.*timeout"</c> count failed calls, never retries.
    /// </summary>
    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "Plugsmm retry attempt={Attempt} action={Action} delay_ms={DelayMs} after={ErrorType} reason={Reason} correlation_id={CorrelationId}")]
    public static partial void Retry(ILogger logger, int attempt, string action, long delayMs, PlugsmmErrorKind errorType, string reason, string correlationId);

    /// <summary>
    /// Once per client at start: which key is in use, without the key (<c>grep "api_key" | grep plugsmm</c>; compare with
    /// <c>printf %s "$PLUGSMMS_API_KEY" | sha256sum | cut -c1-12</c>).
    /// </summary>
    [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
        Message = "Plugsmm client '{ClientName}' configured: plugsmm_api_key_sha256={KeyFingerprint} base_address={BaseAddress} use_new_api={UseNewApi} timeout_s={TimeoutSeconds}")]
    public static partial void Configured(ILogger logger, string clientName, string keyFingerprint, string baseAddress, bool useNewApi, double timeoutSeconds);

    /// <summary>
    /// Breaker transitions (<c>grep "Circuit breaker" | tail -1</c> tells the state). Worded <c>state=Open</c>, never
    /// "Circuit breaker open": that phrase counts skipped calls (event 1006), one line each.
    /// </summary>
    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Circuit breaker state=Open panel={Panel} break_seconds={BreakSeconds}")]
    public static partial void CircuitOpened(ILogger logger, string panel, double breakSeconds);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Circuit breaker state=HalfOpen panel={Panel}: one trial call")]
    public static partial void CircuitHalfOpened(ILogger logger, string panel);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Circuit breaker state=Closed panel={Panel}")]
    public static partial void CircuitClosed(ILogger logger, string panel);

    /// <summary>The runbook's "Issue 5": panel messages no rule classified (<c>grep "Unknown error"</c>), once per such call.</summary>
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Unknown error from the panel action={Action} reason={Reason} status_code={StatusCode} correlation_id={CorrelationId}: add a rule to Plugsmm:ErrorRules to classify it")]
    public static partial void UnknownError(ILogger logger, string action, string reason, int? statusCode, string correlationId);
}
