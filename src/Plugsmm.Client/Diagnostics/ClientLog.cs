using Microsoft.Extensions.Logging;

namespace Plugsmm.Client;

/// <summary>The client's log lines, source-generated. Event ids are stable: operators may alert on them.</summary>
internal static partial class ClientLog
{
    /// <summary>The runbook's rollback check: <c>grep "using legacy adapter"</c>.</summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Plugsmm client '{ClientName}' using legacy adapter: PLUGSMM_USE_NEW_API=false, request bodies are encoded as FormUrlEncodedContent does")]
    public static partial void UsingLegacyAdapter(ILogger logger, string clientName);

    /// <summary>The runbook's "Issue 5": errors no rule classified (<c>grep "Unknown error"</c>).</summary>
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Plugsmm API error error_type=Unknown: Unknown error for {Action} (reason {Reason}, status_code {StatusCode}, correlation id {CorrelationId}); add a rule to Plugsmm:ErrorRules to classify it")]
    public static partial void UnknownError(ILogger logger, string action, string reason, int? statusCode, string correlationId);
}
