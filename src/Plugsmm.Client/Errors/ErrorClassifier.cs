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

    /// <summary>
    /// The built-in message rules, in the order tried: matched case-insensitively as substrings, so a more specific
    /// pattern comes before one it contains or that could match the same message. Raw keys are matched without their
    /// prefix (<c>not_enough_funds</c> matches <c>neworder.error.not_enough_funds</c> and <c>error.not_enough_funds</c>).
    /// </summary>
    internal static readonly IReadOnlyList<PlugsmmErrorRule> BuiltInRules =
    [
        Rule("not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("not enough funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("insufficient funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("insufficient balance", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"),
        Rule("link_duplicate", PlugsmmErrorKind.Permanent, LinkDuplicateReason),
        Rule("active order with this link", PlugsmmErrorKind.Permanent, LinkDuplicateReason),
        Rule("too_many_orders", PlugsmmErrorKind.Permanent, "too_many_active_orders"),
        Rule("duplicate_order", PlugsmmErrorKind.Permanent, "duplicate_order"),
        Rule("too many requests", PlugsmmErrorKind.RateLimited, "rate_limited"),
        Rule("rate limit", PlugsmmErrorKind.RateLimited, "rate_limited"),
        Rule("invalid api key", PlugsmmErrorKind.Permanent, "invalid_api_key"),
        Rule("incorrect api key", PlugsmmErrorKind.Permanent, "invalid_api_key"),
        Rule("incorrect_service_id", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("invalid_service", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("service_not_found", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("incorrect service id", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("service id does not exist", PlugsmmErrorKind.Permanent, "invalid_service"),
        Rule("service_inactive", PlugsmmErrorKind.Permanent, "service_inactive"),
        Rule("neworder.error.link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("invalid_link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("link_not_found", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("incorrect link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("bad link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("invalid link", PlugsmmErrorKind.Permanent, "invalid_link"),
        Rule("min_quantity", PlugsmmErrorKind.Permanent, "quantity_below_min"),
        Rule("quantity less than minimal", PlugsmmErrorKind.Permanent, "quantity_below_min"),
        Rule("max_quantity", PlugsmmErrorKind.Permanent, "quantity_above_max"),
        Rule("quantity more than maximum", PlugsmmErrorKind.Permanent, "quantity_above_max"),
        Rule("invalid_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity"),
        Rule("not_enough_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity"),
        Rule("incorrect order id", PlugsmmErrorKind.Permanent, "invalid_order"),
        Rule("incorrect_order_id", PlugsmmErrorKind.Permanent, "invalid_order"),
        Rule("refill not found", PlugsmmErrorKind.Permanent, "refill_not_found"),
        Rule("not eligible for refill", PlugsmmErrorKind.Permanent, "refill_not_eligible"),
        Rule("refill is disabled", PlugsmmErrorKind.Permanent, "refill_disabled"),
        Rule("refill not available", PlugsmmErrorKind.Permanent, "refill_disabled"),
        Rule("order is too old", PlugsmmErrorKind.Permanent, "refill_too_old"),
        Rule("refill task is not completed", PlugsmmErrorKind.Permanent, "refill_in_progress"),
        Rule("refill already", PlugsmmErrorKind.Permanent, "refill_already_requested"),
        Rule("error.refill_", PlugsmmErrorKind.Permanent, "refill_refused"),
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
