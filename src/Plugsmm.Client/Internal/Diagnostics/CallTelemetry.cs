using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Plugsmm.Client;

/// <summary>
/// Where one panel's calls report — its log lines, metrics and spans — and what they say: a call started, retried,
/// succeeded or failed (once per call), with the panel's name as it appears in tags.
/// </summary>
internal sealed class CallTelemetry(ILogger logger, PlugsmmMetrics metrics, string panel, KeyValuePair<string, object?>[]? serverTags = null)
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
            case PlugsmmException { Reason: PlugsmmErrorReasons.Timeout } timeout when timeout.InnerException is TimeoutRejectedException rejected:
                ClientLog.Timeout(logger, rejected.Timeout.TotalSeconds, action, correlationId);
                break;
            case PlugsmmException { UnreadableAnswer: true } invalid:
                ClientLog.InvalidJson(logger, action, invalid.StatusCode, correlationId, LogText.Defang(invalid.ResponsePreview ?? string.Empty));
                break;
            case PlugsmmException { Reason: PlugsmmErrorReasons.CircuitOpen }:
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
            TimeoutRejectedException => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Timeout),
            _ => (PlugsmmErrorKind.Unknown, PlugsmmErrorReasons.Unexpected),
        };
        ClientLog.Retry(logger, attempt, action, (long)delay.TotalMilliseconds, kind, reason, correlationId);
        metrics.Retry(action, panel, kind);
    }

    /// <summary>The panel's name in tags and log lines: the client's name, or <c>default</c>.</summary>
    public static string PanelName(string name) => name.Length == 0 ? "default" : name;

    /// <summary>The first 12 hex digits of the key's SHA-256: enough to tell keys apart, nothing to recover one from.</summary>
    public static string KeyFingerprint(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)))[..12];

    /// <summary>Once per client name: which key and endpoint are in use, and the rollback flag.</summary>
    public void Configured(PlugsmmClientOptions options)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var fingerprint = KeyFingerprint(options.ApiKey!);
            var address = options.BaseAddress.GetLeftPart(UriPartial.Path);
            ClientLog.Configured(logger, panel, fingerprint, address, options.UseNewApi, options.Resilience.AttemptTimeout.TotalSeconds);
        }

        if (!options.UseNewApi)
        {
            ClientLog.UsingLegacyAdapter(logger, panel);
        }
    }

    /// <summary>A call begins: its request log line and count, and its span (null when nobody listens).</summary>
    public Activity? Started(CallInfo call)
    {
        var activity = PlugsmmTracing.Start(call.Action, serverTags ?? []);
        if (activity is not null)
        {
            activity.SetTag("plugsmm.action", call.Action);
            activity.SetTag("plugsmm.panel", panel);
            activity.SetTag("plugsmm.correlation_id", call.CorrelationId);
        }

        ClientLog.Request(logger, call.Action, panel, call.CorrelationId);
        metrics.Request(call.Action, panel);
        return activity;
    }

    public void Succeeded(CallInfo call, TimeSpan elapsed, Activity? activity)
    {
        ClientLog.Success(logger, call.Action, (long)elapsed.TotalMilliseconds, call.Attempts, call.CorrelationId);
        metrics.Success(call.Action, panel, elapsed.TotalSeconds);
        if (activity is not null)
        {
            activity.SetTag("plugsmm.attempts", call.Attempts);
            activity.SetTag("plugsmm.outcome", "success");
        }
    }

    /// <summary>The caller cancelled after a request of a call with side effects went out: an unknown outcome.</summary>
    public void CancelledAfterSending(CallInfo call, TimeSpan elapsed, Activity? activity)
    {
        metrics.Failure(call.Action, panel, PlugsmmErrorKind.Unknown, elapsed.TotalSeconds);
        activity?.SetTag("plugsmm.outcome", "unknown");
    }

    /// <summary>Reports a failed call once — its log lines, metrics and span — and stamps the exception with the call.</summary>
    public PlugsmmException Failed(PlugsmmException exception, CallInfo call, TimeSpan elapsed, Activity? activity)
    {
        var action = exception.Action;
        AttemptFailed(exception, action, call.CorrelationId);
        if (exception.Unclassified)
        {
            ClientLog.UnknownError(logger, action, exception.Reason, exception.StatusCode, call.CorrelationId);
        }

        ClientLog.Error(
            logger,
            exception.Kind,
            action,
            exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none",
            exception.Reason,
            call.Attempts,
            exception.OutcomeUnknown,
            call.CorrelationId,
            LogText.Defang(PanelText.Clean(exception.Message, call.Key, PanelText.MaxMessageChars)),
            LogText.Defang(exception.ResponsePreview ?? string.Empty));
        metrics.Failure(action, panel, exception.Kind, elapsed.TotalSeconds);
        if (activity is not null)
        {
            activity.SetTag("plugsmm.attempts", call.Attempts);
            activity.SetTag("plugsmm.outcome", exception.OutcomeUnknown ? "unknown" : "failure");
            activity.SetTag("error.type", PlugsmmMetrics.ErrorType(exception.Kind));
            activity.SetTag("plugsmm.reason", exception.Reason);
            activity.SetStatus(ActivityStatusCode.Error, exception.Reason);
        }

        return exception.WithCall(call.CorrelationId, call.Attempts);
    }
}
