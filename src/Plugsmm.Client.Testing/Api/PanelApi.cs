using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client.Testing;

/// <summary>
/// The panel's logic, as a stock Perfect Panel answers API v2: the actions, their checks and error strings, and
/// the state they change (orders, refills, balance), all under one lock and on the panel's clock.
/// </summary>
internal sealed partial class PanelApi(SimulatedPanel panel)
{
    /// <summary>The most ids a multi request takes.</summary>
    public const int MaxIds = 100;

    private static readonly HashSet<string> WithoutQuantity = new(StringComparer.OrdinalIgnoreCase)
    {
        "Package", "Custom Comments", "Custom Comments Package", "Mentions Custom List", "Subscriptions",
    };

    private readonly List<SimulatedOrder> _orders = [];
    private readonly Dictionary<long, SimulatedOrder> _ordersById = [];
    private readonly HashSet<long> _settled = [];
    private readonly RateLimit _rateLimit = new();
    private long _nextOrderId = 23500;

    /// <summary>The scripts waiting for the next order on a link.</summary>
    public StatusScripts Scripts { get; } = new();

    public object Gate { get; } = new();

    public IReadOnlyList<SimulatedOrder> Orders
    {
        get
        {
            lock (Gate)
            {
                return [.. _orders];
            }
        }
    }

    /// <summary>The order with <paramref name="id"/>, if the panel took it (called under the lock).</summary>
    public SimulatedOrder? Find(long id) => _ordersById.GetValueOrDefault(id);

    /// <summary>
    /// Handles one request body: the panel's rate limit (per key sent), then <paramref name="fault"/>, decide what the client sees.
    /// The request is recorded in the ledger (and its file) under the lock, in the order the panel handled it.
    /// </summary>
    public PanelExchange Handle(ReadOnlySpan<byte> body, bool isForm, Func<string, PanelFault?> fault)
    {
        // PHP fills $_POST only for form content types: any other body reaches the panel as no fields at all.
        var form = isForm ? PhpFormParser.Parse(body) : new PhpArray();
        var action = form.Text("action") ?? string.Empty;
        lock (Gate)
        {
            var now = panel.TimeProvider.GetUtcNow();
            var injected = _rateLimit.Take(panel.RateLimitPerMinuteUnlocked, form.Text("key") ?? string.Empty, now) ?? fault(action);
            var processes = injected is null || injected.ProcessesRequest;
            Settle(now);
            var ordersBefore = _orders.Count;
            var answer = processes ? Dispatch(form, action, now) : string.Empty;
            var fields = Scrub(form);
            panel.Record(new LedgerRequest { At = now, Action = action, Fields = fields, Fault = injected, Processed = processes });
            var exchange = Exchange(answer, injected) with { Latency = panel.LatencyUnlocked };
            panel.LedgerFileUnlocked?.Write(now, action, fields, exchange, processes, _orders.Count > ordersBefore ? _orders[^1] : null, panel.BalanceUnlocked);
            return exchange;
        }
    }

    private static PanelExchange Exchange(string answer, PanelFault? injected) => injected?.Kind switch
    {
        null or PanelFaultKind.Latency or PanelFaultKind.DropAfterProcessing or PanelFaultKind.DropBeforeProcessing =>
            new PanelExchange(200, "application/json", answer, injected),
        PanelFaultKind.MalformedJson => new PanelExchange(200, "text/html; charset=UTF-8", "<br />\n<b>Warning</b>:  Undefined index: key in <b>/var/www/api.php</b> on line <b>42</b><br />\n" + answer, injected),
        PanelFaultKind.TruncatedJson => new PanelExchange(200, "application/json", answer[..Math.Max(1, answer.Length / 2)], injected),
        PanelFaultKind.EmptyBody => new PanelExchange(200, "application/json", string.Empty, injected),
        PanelFaultKind.CloudflareHtml => new PanelExchange(injected.StatusCode, "text/html; charset=UTF-8", CloudflarePage(injected.StatusCode), injected),
        PanelFaultKind.ServerErrorAfterProcessing => new PanelExchange(injected.StatusCode, "application/json", JsonText.Error("Internal server error"), injected),
        _ => new PanelExchange(injected.StatusCode, "text/plain; charset=UTF-8", StatusText(injected.StatusCode), injected),
    };

    private string Dispatch(PhpArray form, string action, DateTimeOffset now)
    {
        if (form.Text("key") is not { } key || !panel.AcceptsKeyUnlocked(key))
        {
            return JsonText.Error("Invalid API key");
        }

        return action switch
        {
            "services" => Services(),
            "add" => Add(form, now),
            "status" => form.Text("orders") is { } orders ? Many(orders, id => StatusJson(id, now)) : One(form.Text("order"), id => StatusJson(id, now)),
            "refill" => form.Text("orders") is { } list ? ManyItems(list, "order", "refill", id => Refill(id, now)) : One(form.Text("order"), id => Refill(id, now), "refill"),
            "refill_status" => form.Text("refills") is { } refills ? ManyItems(refills, "refill", "status", id => RefillStatus(id, now)) : One(form.Text("refill"), id => RefillStatus(id, now), "status"),
            "cancel" => form.Text("orders") is { } cancel ? ManyItems(cancel, "order", "cancel", id => Cancel(id, now)) : JsonText.Error("Incorrect request"),
            "balance" => JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("balance", panel.BalanceUnlocked.ToString(CultureInfo.InvariantCulture));
                w.WriteString("currency", panel.Currency);
                w.WriteEndObject();
            }),
            _ => JsonText.Error("Incorrect request"),
        };
    }

    private static Dictionary<string, string> Scrub(PhpArray form) =>
        form.Where(f => f.Value is string).ToDictionary(f => f.Key, f => f.Key == "key" ? "***" : (string)f.Value, StringComparer.Ordinal);

    private static string StatusText(int status) => status switch
    {
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    private static string CloudflarePage(int status) =>
        $"<!DOCTYPE html>\n<html lang=\"en-US\"><head><title>Just a moment...</title></head><body><h1>Error {status.ToString(CultureInfo.InvariantCulture)}</h1>" +
        "<p>The web server reported an error. Cloudflare Ray ID: 8f0e1d2c3b4a5968</p></body></html>";
}
