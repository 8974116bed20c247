using System.Net.Http;

namespace Plugsmm.Client;

/// <summary>
/// Classifies failures, table-driven: the panel's messages (English and raw Perfect Panel keys), HTTP statuses,
/// and transport errors. Operators' rules come first.
/// </summary>
internal sealed class ErrorClassifier
{
    /// <summary>The reason code of the one-order-per-link refusal (a documented decision: Permanent, see docs/errors.md).</summary>
    public const string LinkDuplicateReason = "active_order_for_link";

    /// <summary>The built-in message rules, in the order tried. Matched case-insensitively as substrings.</summary>
    internal static readonly IReadOnlyList<PlugsmmErrorRule> BuiltInRules =
    [
        Rule("neworder.error.not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("not enough funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("insufficient funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("insufficient balance", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("neworder.error.link_duplicate", PlugsmmErrorKind.Permanent, LinkDuplicateReason),
        Rule("active order with this link", PlugsmmErrorKind.Permanent, LinkDuplicateReason),
        Rule("too many requests", PlugsmmErrorKind.RateLimited, "rate_limited"),
        Rule("rate limit", PlugsmmErrorKind.RateLimited, "rate_limited"),
        Rule("invalid api key", PlugsmmErrorKind.Permanent, "invalid_api_key"),
        Rule("incorrect api key", PlugsmmErrorKind.Permanent, "invalid_api_key"),
        Rule("neworder.error.incorrect_service_id", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("error.incorrect_service_id", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("incorrect service id", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("service id does not exist", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("neworder.error.link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("incorrect link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("bad link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("invalid link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("neworder.error.min_quantity", PlugsmmErrorKind.Permanent, "quantity_below_min"),
        Rule("quantity less than minimal", PlugsmmErrorKind.Permanent, "quantity_below_min"),
        Rule("neworder.error.max_quantity", PlugsmmErrorKind.Permanent, "quantity_above_max"),
        Rule("quantity more than maximum", PlugsmmErrorKind.Permanent, "quantity_above_max"),
        Rule("incorrect order id", PlugsmmErrorKind.Permanent, "invalid_order"),
        Rule("refill not found", PlugsmmErrorKind.Permanent, "refill_not_found"),
        Rule("not eligible for refill", PlugsmmErrorKind.Permanent, "refill_not_eligible"),
        Rule("incorrect request", PlugsmmErrorKind.Permanent, "invalid_request"),
        Rule("invalid request", PlugsmmErrorKind.Permanent, "invalid_request"),
        Rule("neworder.error.", PlugsmmErrorKind.Permanent, "order_refused"),
    ];

    private readonly IReadOnlyList<PlugsmmErrorRule> _rules;

    public ErrorClassifier(IEnumerable<PlugsmmErrorRule>? custom)
    {
        _rules = [.. (custom ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Pattern)), .. BuiltInRules];
    }

    /// <summary>Classifies a panel's error message; <see cref="PlugsmmErrorKind.Unknown"/> when no rule matches.</summary>
    public (PlugsmmErrorKind Kind, string Reason) ClassifyMessage(string message)
    {
        foreach (var rule in _rules)
        {
            if (message.Contains(rule.Pattern.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (rule.Kind, string.IsNullOrWhiteSpace(rule.Reason) ? rule.Pattern.Trim() : rule.Reason);
            }
        }

        return (PlugsmmErrorKind.Unknown, "unknown");
    }

    /// <summary>Classifies an HTTP status that came without a readable panel message.</summary>
    public static (PlugsmmErrorKind Kind, string Reason) ClassifyStatus(int status) => status switch
    {
        429 => (PlugsmmErrorKind.RateLimited, "http_429"),
        408 or 500 or 502 or 503 or 504 => (PlugsmmErrorKind.Transient, "http_" + status),
        >= 520 and <= 530 => (PlugsmmErrorKind.Transient, "cloudflare_" + status),
        401 or 403 => (PlugsmmErrorKind.Permanent, "http_" + status),
        _ => (PlugsmmErrorKind.Unknown, "http_" + status),
    };

    /// <summary>Whether a body that is not JSON is worth retrying: only behind a 5xx or Cloudflare 52x.</summary>
    public static PlugsmmErrorKind ClassifyUnreadableBody(int status) =>
        status is >= 500 and <= 599 ? PlugsmmErrorKind.Transient : PlugsmmErrorKind.Unknown;

    /// <summary>
    /// Classifies a transport failure, and says whether the request certainly never reached the panel
    /// (DNS, connection refused, TLS or proxy failure before anything was sent).
    /// </summary>
    public static (PlugsmmErrorKind Kind, string Reason, bool NotSent) ClassifyTransport(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => (PlugsmmErrorKind.Transient, "dns", true),
        HttpRequestError.ConnectionError => (PlugsmmErrorKind.Transient, "connection", true),
        HttpRequestError.SecureConnectionError => (PlugsmmErrorKind.Transient, "tls", true),
        HttpRequestError.ProxyTunnelError => (PlugsmmErrorKind.Transient, "proxy", true),
        HttpRequestError.ResponseEnded => (PlugsmmErrorKind.Transient, "connection_dropped", false),
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => (PlugsmmErrorKind.Transient, "protocol", false),
        _ => (PlugsmmErrorKind.Transient, "network", false),
    };

    private static PlugsmmErrorRule Rule(string pattern, PlugsmmErrorKind kind, string reason) => new() { Pattern = pattern, Kind = kind, Reason = reason };
}
