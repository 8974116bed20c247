using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client.Testing;

/// <summary>
/// The panel's logic, as a stock Perfect Panel answers API v2: the actions, their checks and error strings, and
/// the state they change (orders, refills, balance), all under one lock and on the panel's clock.
/// </summary>
internal sealed class PanelApi(SimulatedPanel panel)
{
    /// <summary>The most ids a multi request takes.</summary>
    public const int MaxIds = 100;

    private static readonly HashSet<string> WithoutQuantity = new(StringComparer.OrdinalIgnoreCase)
    {
        "Package", "Custom Comments", "Custom Comments Package", "Mentions Custom List", "Subscriptions",
    };

    private readonly List<SimulatedOrder> _orders = [];
    private readonly Dictionary<long, SimulatedOrder> _ordersById = [];
    private readonly Dictionary<long, (long OrderId, DateTimeOffset At)> _refills = [];
    private readonly HashSet<long> _settled = [];
    private readonly RateLimit _rateLimit = new();
    private long _nextOrderId = 23500;
    private long _nextRefillId = 500;

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

    /// <summary>
    /// Handles one request body: the panel's rate limit, then <paramref name="fault"/>, decide what the client sees.
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
            var injected = _rateLimit.Take(panel.RateLimitPerMinuteUnlocked, now) ?? fault(action);
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

    /// <summary>The state and remains of an order at <paramref name="now"/>.</summary>
    public static (string Status, long Remains) StatusOf(SimulatedOrder order, DateTimeOffset now)
    {
        var service = order.Service;
        var target = (long)Math.Floor(order.Quantity * service.DeliveredShare);
        var started = order.CreatedAt + service.StartDelay;
        var until = order.CanceledAt ?? now;
        var delivered = until < started ? 0 : Math.Min(target, (long)Math.Floor((until - started).TotalMinutes * service.UnitsPerMinute));
        if (order.CanceledAt is not null)
        {
            return ("Canceled", order.Quantity - delivered);
        }

        if (now < started)
        {
            return ("Pending", order.Quantity);
        }

        if (delivered < target)
        {
            return ("In progress", order.Quantity - delivered);
        }

        return target < order.Quantity ? ("Partial", order.Quantity - target) : ("Completed", 0);
    }

    private string Dispatch(PhpArray form, string action, DateTimeOffset now)
    {
        if (form.Text("key") is not { } key || key != panel.ApiKey)
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

    private string Services() => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (var service in panel.Services)
        {
            w.WriteStartObject();
            w.WriteNumber("service", service.Id);
            w.WriteString("name", service.Name);
            w.WriteString("type", service.Type);
            w.WriteString("category", service.Category);
            w.WriteString("rate", service.RatePer1000.ToString(CultureInfo.InvariantCulture));
            w.WriteString("min", service.Min.ToString(CultureInfo.InvariantCulture));
            w.WriteString("max", service.Max.ToString(CultureInfo.InvariantCulture));
            w.WriteBoolean("refill", service.Refill);
            w.WriteBoolean("cancel", service.Cancel);
            if (service.DripFeed)
            {
                w.WriteBoolean("dripfeed", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private string Add(PhpArray form, DateTimeOffset now)
    {
        if (!long.TryParse(form.Text("service"), NumberStyles.None, CultureInfo.InvariantCulture, out var serviceId)
            || panel.Services.FirstOrDefault(s => s.Id == serviceId) is not { } service)
        {
            return JsonText.Error("Incorrect service ID");
        }

        var subscriptions = service.Type.Equals("Subscriptions", StringComparison.OrdinalIgnoreCase);
        var link = form.Text("link");
        if (!subscriptions && string.IsNullOrWhiteSpace(link))
        {
            return JsonText.Error("Incorrect link");
        }

        long quantity;
        if (WithoutQuantity.Contains(service.Type))
        {
            quantity = service.Type switch
            {
                _ when service.Type.StartsWith("Custom Comments", StringComparison.OrdinalIgnoreCase) => Lines(form.Text("comments")),
                _ when service.Type.Equals("Mentions Custom List", StringComparison.OrdinalIgnoreCase) => Lines(form.Text("usernames")),
                _ when subscriptions => ParseLong(form.Text("max")) * Math.Max(1, ParseLong(form.Text("posts"))),
                _ => 1000,
            };
            if (quantity <= 0)
            {
                return JsonText.Error("Incorrect request");
            }
        }
        else
        {
            if (!long.TryParse(form.Text("quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out quantity))
            {
                return JsonText.Error("Incorrect request");
            }

            if (quantity < service.Min)
            {
                return JsonText.Error($"Quantity less than minimal {service.Min.ToString(CultureInfo.InvariantCulture)}");
            }

            if (form.Text("runs") is { } runsText)
            {
                var runs = ParseLong(runsText);
                if (runs <= 0 || ParseLong(form.Text("interval")) <= 0)
                {
                    return JsonText.Error("Incorrect request");
                }

                if (runs > service.Max || quantity > service.Max / runs)
                {
                    return JsonText.Error($"Quantity more than maximum {service.Max.ToString(CultureInfo.InvariantCulture)}");
                }

                quantity *= runs;
            }

            if (quantity > service.Max)
            {
                return JsonText.Error($"Quantity more than maximum {service.Max.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (link is not null && _orders.Any(o => o.Link == link && StatusOf(o, now).Status is "Pending" or "In progress"))
        {
            return JsonText.Error("You have active order with this link. Please wait until order being completed.");
        }

        var charge = service.RatePer1000 * quantity / 1000m;
        if (panel.BalanceUnlocked < charge)
        {
            return JsonText.Error("Not enough funds on balance");
        }

        var id = ++_nextOrderId;
        var order = new SimulatedOrder(id, service, link, quantity, charge, now, Scrub(form));
        _orders.Add(order);
        _ordersById[id] = order;
        panel.ChangeBalance(now, -charge, $"order {id.ToString(CultureInfo.InvariantCulture)}");
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("order", id);
            w.WriteEndObject();
        });
    }

    private Item StatusJson(long id, DateTimeOffset now)
    {
        if (!_ordersById.TryGetValue(id, out var order))
        {
            return ErrorObject("Incorrect order ID");
        }

        var (status, remains) = StatusOf(order, now);
        return new(w =>
        {
            w.WriteStartObject();
            w.WriteString("charge", order.Charge.ToString(CultureInfo.InvariantCulture));
            w.WriteString("start_count", (1000 + (order.Id % 5000)).ToString(CultureInfo.InvariantCulture));
            w.WriteString("status", status);
            w.WriteString("remains", remains.ToString(CultureInfo.InvariantCulture));
            w.WriteString("currency", panel.Currency);
            w.WriteEndObject();
        });
    }

    private Item Refill(long orderId, DateTimeOffset now)
    {
        if (!_ordersById.TryGetValue(orderId, out var order))
        {
            return ErrorObject("Incorrect order ID");
        }

        if (!order.Service.Refill || StatusOf(order, now).Status is not ("Completed" or "Partial"))
        {
            return ErrorObject("Order not eligible for refill.");
        }

        var refillId = ++_nextRefillId;
        _refills[refillId] = (orderId, now);
        return new(w => w.WriteStringValue(refillId.ToString(CultureInfo.InvariantCulture)));
    }

    private Item RefillStatus(long refillId, DateTimeOffset now)
    {
        if (!_refills.TryGetValue(refillId, out var refill))
        {
            return ErrorObject("Refill not found");
        }

        var status = now - refill.At < TimeSpan.FromMinutes(10) ? "Pending" : "Completed";
        return new(w => w.WriteStringValue(status));
    }

    private Item Cancel(long orderId, DateTimeOffset now)
    {
        if (!_ordersById.TryGetValue(orderId, out var order))
        {
            return ErrorObject("Incorrect order ID");
        }

        var (status, remains) = StatusOf(order, now);
        if (!order.Service.Cancel || status is not ("Pending" or "In progress"))
        {
            return ErrorObject("Order can not be canceled.");
        }

        order.CanceledAt = now;
        var refund = order.Service.RatePer1000 * remains / 1000m;
        order.Charge -= refund;
        panel.ChangeBalance(now, refund, $"refund of order {orderId.ToString(CultureInfo.InvariantCulture)}");
        return new(w => w.WriteNumberValue(1));
    }

    /// <summary>One id: that item's error as the whole answer, or its value (wrapped as <c>{valueName: …}</c> when named).</summary>
    private static string One(string? idText, Func<long, Item> item, string? valueName = null)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return JsonText.Error("Incorrect order ID");
        }

        var result = item(id);
        return JsonText.Write(w =>
        {
            if (result.IsError || valueName is null)
            {
                result.Write(w);
                return;
            }

            w.WriteStartObject();
            w.WritePropertyName(valueName);
            result.Write(w);
            w.WriteEndObject();
        });
    }

    /// <summary><c>status</c> with <c>orders</c>: an object keyed by id, each value the status or that id's error.</summary>
    private static string Many(string ids, Func<long, Item> item)
    {
        var parsed = ParseIds(ids);
        if (parsed is null)
        {
            return JsonText.Error("Incorrect request");
        }

        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            foreach (var (text, id) in parsed)
            {
                w.WritePropertyName(text);
                (id is { } value ? item(value) : ErrorObject("Incorrect order ID")).Write(w);
            }

            w.WriteEndObject();
        });
    }

    /// <summary><c>refill</c>/<c>refill_status</c>/<c>cancel</c> with many ids: an array of {idField, valueField}.</summary>
    private static string ManyItems(string ids, string idField, string valueField, Func<long, Item> item)
    {
        var parsed = ParseIds(ids);
        if (parsed is null)
        {
            return JsonText.Error("Incorrect request");
        }

        return JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (text, id) in parsed)
            {
                w.WriteStartObject();
                if (id is { } value)
                {
                    w.WriteNumber(idField, value);
                }
                else
                {
                    w.WriteString(idField, text);
                }

                w.WritePropertyName(valueField);
                (id is { } found ? item(found) : ErrorObject("Incorrect order ID")).Write(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static List<(string Text, long? Id)>? ParseIds(string ids)
    {
        var parts = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > MaxIds)
        {
            return null;
        }

        return parts
            .Distinct(StringComparer.Ordinal)
            .Select(p => (p, long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (long?)id : null))
            .ToList();
    }

    private static Item ErrorObject(string message) => new(
        w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        },
        IsError: true);

    /// <summary>Refunds the undelivered part of orders that ended Partial, at the moment they ended.</summary>
    private void Settle(DateTimeOffset now)
    {
        foreach (var order in _orders)
        {
            if (_settled.Contains(order.Id) || order.CanceledAt is not null || StatusOf(order, now) is not ("Partial", var remains))
            {
                continue;
            }

            var service = order.Service;
            var target = order.Quantity - remains;
            var endedAt = order.CreatedAt + service.StartDelay + TimeSpan.FromMinutes((double)target / service.UnitsPerMinute);
            var refund = service.RatePer1000 * remains / 1000m;
            order.Charge -= refund;
            panel.ChangeBalance(endedAt < now ? endedAt : now, refund, $"refund of order {order.Id.ToString(CultureInfo.InvariantCulture)} (partial)");
            _settled.Add(order.Id);
        }
    }

    private static long Lines(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : text.Split('\n').Count(line => line.Trim('\r').Length > 0);

    private static long ParseLong(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

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

    /// <summary>One item of an answer: how to write it, and whether it is an error.</summary>
    private readonly record struct Item(Action<Utf8JsonWriter> Write, bool IsError = false);
}
