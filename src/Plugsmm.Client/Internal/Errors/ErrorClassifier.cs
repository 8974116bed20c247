using System.Net.Http;

namespace Plugsmm.Client;

/// <summary>
/// Classifies failures, table-driven: the panel's messages (English and raw Perfect Panel keys), HTTP statuses,
/// and transport errors. Operators' rules come first.
/// </summary>
internal sealed class ErrorClassifier
{
    /// <summary>
    /// The built-in message rules, in the order tried: matched case-insensitively as substrings, so a more specific
    /// pattern comes before one it contains or that could match the same message. Raw keys are matched without their
    /// prefix (<c>not_enough_funds</c> matches <c>neworder.error.not_enough_funds</c> and <c>error.not_enough_funds</c>).
    /// </summary>
    internal static readonly IReadOnlyList<PlugsmmErrorRule> BuiltInRules =
    [
        Rule("not_enough_funds", PlugsmmErrorKind.InsufficientFunds, PlugsmmErrorReasons.InsufficientFunds),
        Rule("not enough funds", PlugsmmErrorKind.InsufficientFunds, PlugsmmErrorReasons.InsufficientFunds),
        Rule("insufficient funds", PlugsmmErrorKind.InsufficientFunds, PlugsmmErrorReasons.InsufficientFunds),
        Rule("insufficient balance", PlugsmmErrorKind.InsufficientFunds, PlugsmmErrorReasons.InsufficientFunds),
        Rule("link_duplicate", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.ActiveOrderForLink),
        Rule("active order with this link", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.ActiveOrderForLink),
        Rule("too_many_orders", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.TooManyActiveOrders),
        Rule("duplicate_order", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.DuplicateOrder),
        Rule("too many requests", PlugsmmErrorKind.RateLimited, PlugsmmErrorReasons.RateLimited),
        Rule("rate limit", PlugsmmErrorKind.RateLimited, PlugsmmErrorReasons.RateLimited),
        Rule("invalid api key", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidApiKey),
        Rule("incorrect api key", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidApiKey),
        Rule("incorrect_service_id", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidService),
        Rule("invalid_service", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidService),
        Rule("service_not_found", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidService),
        Rule("incorrect service id", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidService),
        Rule("service id does not exist", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidService),
        Rule("service_inactive", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.ServiceInactive),
        Rule("neworder.error.link", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidLink),
        Rule("invalid_link", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidLink),
        Rule("link_not_found", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidLink),
        Rule("incorrect link", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidLink),
        Rule("bad link", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidLink),
        Rule("invalid link", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidLink),
        Rule("min_quantity", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.QuantityBelowMin),
        Rule("quantity less than minimal", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.QuantityBelowMin),
        Rule("max_quantity", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.QuantityAboveMax),
        Rule("quantity more than maximum", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.QuantityAboveMax),
        Rule("invalid_quantity", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidQuantity),
        Rule("not_enough_quantity", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidQuantity),
        Rule("incorrect order id", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidOrder),
        Rule("incorrect_order_id", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidOrder),
        Rule("refill not found", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillNotFound),
        Rule("not eligible for refill", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillNotEligible),
        Rule("refill is disabled", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillDisabled),
        Rule("refill not available", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillDisabled),
        Rule("order is too old", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillTooOld),
        Rule("refill task is not completed", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillInProgress),
        Rule("refill already", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillAlreadyRequested),
        Rule("error.refill_", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.RefillRefused),
        Rule("not be cancel", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.CancelRefused),
        Rule("incorrect request", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidRequest),
        Rule("invalid request", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.InvalidRequest),
        Rule("neworder.error.", PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.OrderRefused),
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

        return (PlugsmmErrorKind.Unknown, PlugsmmErrorReasons.Unknown);
    }

    /// <summary>Classifies an HTTP status that came without a readable panel message.</summary>
    public static (PlugsmmErrorKind Kind, string Reason) ClassifyStatus(int status) => status switch
    {
        429 => (PlugsmmErrorKind.RateLimited, "http_429"),
        408 or 500 or 502 or 503 or 504 => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.HttpStatusPrefix + status),
        >= 520 and <= 530 => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.CloudflarePrefix + status),
        401 or 403 => (PlugsmmErrorKind.Permanent, PlugsmmErrorReasons.HttpStatusPrefix + status),
        _ => (PlugsmmErrorKind.Unknown, PlugsmmErrorReasons.HttpStatusPrefix + status),
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
        HttpRequestError.NameResolutionError => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Dns, true),
        HttpRequestError.ConnectionError => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Connection, true),
        HttpRequestError.SecureConnectionError => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Tls, true),
        HttpRequestError.ProxyTunnelError => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Proxy, true),
        HttpRequestError.ResponseEnded => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.ConnectionDropped, false),
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Protocol, false),
        _ => (PlugsmmErrorKind.Transient, PlugsmmErrorReasons.Network, false),
    };

    private static PlugsmmErrorRule Rule(string pattern, PlugsmmErrorKind kind, string reason) => new() { Pattern = pattern, Kind = kind, Reason = reason };
}
