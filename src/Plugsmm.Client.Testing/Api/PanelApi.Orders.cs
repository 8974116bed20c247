using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>The panel's catalogue and order taking: <c>services</c> and <c>add</c>, with their checks and error strings.</summary>
internal sealed partial class PanelApi
{
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

        if (link is not null && _orders.Any(o => o.Link == link && View(o, now).IsActive))
        {
            return JsonText.Error("You have active order with this link. Please wait until order being completed.");
        }

        var charge = service.RatePer1000 * quantity / 1000m;
        if (panel.BalanceUnlocked < charge)
        {
            return JsonText.Error("Not enough funds on balance");
        }

        var id = ++_nextOrderId;
        var order = new SimulatedOrder(id, service, link, quantity, charge, now, Scrub(form)) { Script = Scripts.TakeForLink(link) };
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

    private static long Lines(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : text.Split('\n').Count(line => line.Trim('\r').Length > 0);

    private static long ParseLong(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
