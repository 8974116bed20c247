using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Plugsmm.Client;

/// <summary>Where one panel's calls report: its logger, the meter, and the panel's name as it appears in tags.</summary>
internal sealed class CallTelemetry(ILogger logger, PlugsmmMetrics metrics, string panel)
{
    public ILogger Logger => logger;

    public PlugsmmMetrics Metrics => metrics;

    public string Panel => panel;

    /// <summary>Logs what one failed attempt was, in the runbook's words ("Invalid JSON response", "Request timeout after").</summary>
    public void AttemptFailed(Exception? failure, string action, string correlationId)
    {
        switch (failure)
        {
            case TimeoutRejectedException timeout:
                ClientLog.Timeout(logger, timeout.Timeout.TotalSeconds, action, correlationId);
                break;
            case PlugsmmException { Reason: "timeout" } timeout when timeout.InnerException is TimeoutRejectedException rejected:
                ClientLog.Timeout(logger, rejected.Timeout.TotalSeconds, action, correlationId);
                break;
            case PlugsmmException { UnreadableAnswer: true } invalid:
                ClientLog.InvalidJson(logger, action, invalid.StatusCode, correlationId, LogText.Defang(invalid.ResponsePreview ?? string.Empty));
                break;
            case PlugsmmException { Reason: "circuit_open" }:
                ClientLog.CircuitOpenSkip(logger, action, panel, correlationId);
                break;
        }
    }

    public void Retry(ResilienceContext context, int attempt, TimeSpan delay, Exception? failure)
    {
        var call = context.Properties.GetValue(CallPipeline.Call, null);
        var action = call?.Action ?? "unknown";
        var correlationId = call?.CorrelationId ?? string.Empty;
        AttemptFailed(failure, action, correlationId);
        var (kind, reason) = failure switch
        {
            PlugsmmException plugsmm => (plugsmm.Kind, plugsmm.Reason),
            TimeoutRejectedException => (PlugsmmErrorKind.Transient, "timeout"),
            _ => (PlugsmmErrorKind.Unknown, "unexpected"),
        };
        ClientLog.Retry(logger, attempt, action, (long)delay.TotalMilliseconds, kind, reason, correlationId);
        metrics.Retry(action, panel, kind);
    }
}
