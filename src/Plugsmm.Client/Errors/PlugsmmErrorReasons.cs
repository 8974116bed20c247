namespace Plugsmm.Client;

/// <summary>
/// The values of <see cref="PlugsmmException.Reason"/> the SDK itself gives: short, stable codes for logs, alerts and
/// <c>switch</c> statements (docs/errors.md says what each means and what to do). A reason from an operator's own
/// <see cref="PlugsmmErrorRule.Reason"/> is whatever that rule says. HTTP failures without a readable message have
/// <see cref="HttpStatusPrefix"/> or <see cref="CloudflarePrefix"/> followed by the status (<c>http_503</c>, <c>cloudflare_522</c>).
/// </summary>
public static class PlugsmmErrorReasons
{
    /// <summary>No rule matched the panel's message (kind <see cref="PlugsmmErrorKind.Unknown"/>).</summary>
    public const string Unknown = "unknown";

    /// <summary>The prefix of an HTTP status without a readable panel message: <c>http_429</c>, <c>http_503</c>, …</summary>
    public const string HttpStatusPrefix = "http_";

    /// <summary>The prefix of a Cloudflare 52x status: <c>cloudflare_522</c>, …</summary>
    public const string CloudflarePrefix = "cloudflare_";

    // What the panel said.

    /// <summary>The balance does not cover the order.</summary>
    public const string InsufficientFunds = "insufficient_funds";

    /// <summary>The panel already has an active order for this link (one order per link at a time).</summary>
    public const string ActiveOrderForLink = "active_order_for_link";

    /// <summary>The account has too many active orders.</summary>
    public const string TooManyActiveOrders = "too_many_active_orders";

    /// <summary>The panel refused the order as a duplicate.</summary>
    public const string DuplicateOrder = "duplicate_order";

    /// <summary>The panel asked the client to slow down, in words.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The API key was refused.</summary>
    public const string InvalidApiKey = "invalid_api_key";

    /// <summary>The service id does not exist on the panel.</summary>
    public const string InvalidService = "invalid_service";

    /// <summary>The service exists but is switched off.</summary>
    public const string ServiceInactive = "service_inactive";

    /// <summary>The link was refused.</summary>
    public const string InvalidLink = "invalid_link";

    /// <summary>The quantity is below the service's minimum.</summary>
    public const string QuantityBelowMin = "quantity_below_min";

    /// <summary>The quantity is above the service's maximum.</summary>
    public const string QuantityAboveMax = "quantity_above_max";

    /// <summary>The quantity was refused otherwise.</summary>
    public const string InvalidQuantity = "invalid_quantity";

    /// <summary>The order id is unknown to the panel.</summary>
    public const string InvalidOrder = "invalid_order";

    /// <summary>The refill id is unknown to the panel.</summary>
    public const string RefillNotFound = "refill_not_found";

    /// <summary>The order cannot be refilled.</summary>
    public const string RefillNotEligible = "refill_not_eligible";

    /// <summary>The service has no refill.</summary>
    public const string RefillDisabled = "refill_disabled";

    /// <summary>The order is past its refill period.</summary>
    public const string RefillTooOld = "refill_too_old";

    /// <summary>A refill of the order is still running.</summary>
    public const string RefillInProgress = "refill_in_progress";

    /// <summary>A refill of the order was already asked for.</summary>
    public const string RefillAlreadyRequested = "refill_already_requested";

    /// <summary>Any other refill refusal in the panel's raw keys (<c>error.refill_…</c>).</summary>
    public const string RefillRefused = "refill_refused";

    /// <summary>The panel refused to cancel the order (<c>Order can not be canceled.</c>): nothing was canceled or refunded.</summary>
    public const string CancelRefused = "cancel_refused";

    /// <summary>The request was refused as malformed.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>Any other order refusal in the panel's raw keys (<c>neworder.error.…</c>).</summary>
    public const string OrderRefused = "order_refused";

    // What the answer was.

    /// <summary>The answer is not JSON, or not the shape of the action's answer, at HTTP 2xx.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>The answer is JSON but says something the action does not expect (a status word the SDK does not know, say).</summary>
    public const string UnexpectedAnswer = "unexpected_answer";

    /// <summary>The order id the panel gave for <c>add</c> is not a whole number.</summary>
    public const string NonNumericOrderId = "non_numeric_order_id";

    /// <summary>The panel gave an order id and an error together: the order may exist.</summary>
    public const string ErrorBesideOrder = "error_beside_order";

    /// <summary>A multi-id answer has no entry for this id.</summary>
    public const string NoEntry = "no_entry";

    /// <summary>A multi-id answer's entry for this id cannot be read.</summary>
    public const string UnreadableItem = "unreadable_item";

    /// <summary>The answer is larger than <see cref="PlugsmmClientOptions.MaxResponseBytes"/>.</summary>
    public const string ResponseTooLarge = "response_too_large";

    /// <summary>The panel answered with a redirect, which is never followed (the key is in the body).</summary>
    public const string Redirect = "redirect";

    // What happened on the way.

    /// <summary>An attempt or the whole call timed out.</summary>
    public const string Timeout = "timeout";

    /// <summary>The circuit breaker is open: nothing was sent.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The panel's name did not resolve: nothing was sent.</summary>
    public const string Dns = "dns";

    /// <summary>No connection could be made: nothing was sent.</summary>
    public const string Connection = "connection";

    /// <summary>The TLS handshake failed: nothing was sent.</summary>
    public const string Tls = "tls";

    /// <summary>The proxy refused the tunnel: nothing was sent.</summary>
    public const string Proxy = "proxy";

    /// <summary>The connection dropped while the answer was on its way.</summary>
    public const string ConnectionDropped = "connection_dropped";

    /// <summary>The panel broke the HTTP protocol.</summary>
    public const string Protocol = "protocol";

    /// <summary>Any other network failure.</summary>
    public const string Network = "network";

    /// <summary>Anything else a handler or the runtime threw.</summary>
    public const string Unexpected = "unexpected";
}
