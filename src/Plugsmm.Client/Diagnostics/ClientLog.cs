using Microsoft.Extensions.Logging;

namespace Plugsmm.Client;

/// <summary>The client's log lines, source-generated. Event ids are stable: operators may alert on them.</summary>
internal static partial class ClientLog
{
    /// <summary>The runbook's rollback check: <c>grep "using legacy adapter"</c>.</summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Plugsmm client '{ClientName}' using legacy adapter: PLUGSMM_USE_NEW_API=false, request bodies are encoded as FormUrlEncodedContent does")]
    public static partial void UsingLegacyAdapter(ILogger logger, string clientName);
}
