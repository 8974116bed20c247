namespace Plugsmm.Client;

/// <summary>
/// Text from the panel inside a log line's values (<c>message=</c>, <c>response_preview=</c>), already cleaned
/// (<see cref="PanelText"/>), with the phrases the runbook's greps count broken (<c>Unknown error</c> becomes
/// <c>Unknown_error</c>, <c>HTTP 500</c> <c>HTTP_500</c>, …): a panel's words never add to a count of docs/deployment.md.
/// </summary>
internal static class LogText
{
    /// <summary>Each phrase a grep of docs/deployment.md or docs/telemetry.md counts (case-sensitive, as grep is), and its stand-in.</summary>
    private static readonly (string Phrase, string Instead)[] Counted =
    [
        ("Plugsmm API", "Plugsmm_API"),
        ("HTTP ", "HTTP_"),
        ("timeout", "time-out"),
        ("Unknown error", "Unknown_error"),
        ("Invalid JSON response", "Invalid_JSON_response"),
        ("Circuit breaker", "Circuit_breaker"),
        ("using legacy adapter", "using_legacy_adapter"),
        ("api_key", "api-key"),
        ("error_type=", "error_type:"),
        ("status_code=", "status_code:"),
        ("reason=", "reason:"),
        ("correlation_id=", "correlation_id:"),
        ("response_preview=", "response_preview:"),
    ];

    public static string Defang(string text)
    {
        foreach (var (phrase, instead) in Counted)
        {
            text = text.Replace(phrase, instead, StringComparison.Ordinal);
        }

        return text;
    }
}
