using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>The state of orders: the delivery simulation or the order's script, <c>status</c>, and the refund of orders that end Partial.</summary>
internal sealed partial class PanelApi
{
    /// <summary>What the panel says about an order at <paramref name="now"/>: its script's step if it has one, else the delivery simulation.</summary>
    public static OrderView View(SimulatedOrder order, DateTimeOffset now)
    {
        var startCount = 1000 + (order.Id % 5000);
        if (order.Script is { } script)
        {
            if (order.CanceledAt is not null)
            {
                return new("Canceled", order.CanceledRemains, startCount, order.Charge, null, order.CanceledAt);
            }

            var (step, finalSince) = StatusScripts.Current(script, now - order.CreatedAt);
            if (step is null)
            {
                return new("Pending", order.Quantity, startCount, order.Charge, null, null);
            }

            if (step.Error is { } error)
            {
                return new(string.Empty, order.Quantity, startCount, order.Charge, error, null);
            }

            var status = step.Status!;
            var remains = step.Remains ?? (status.Equals("Completed", StringComparison.OrdinalIgnoreCase) ? 0 : order.Quantity);
            var endedAt = StatusScripts.IsFinal(status) ? order.CreatedAt + finalSince : (DateTimeOffset?)null;
            return new(status, remains, step.StartCount ?? startCount, step.Charge ?? order.Charge, null, endedAt);
        }

        var (simulated, left) = StatusOf(order, now);
        return new(simulated, left, startCount, order.Charge, null, simulated is "Completed" or "Partial" ? DeliveredAt(order) : order.CanceledAt);
    }

    /// <summary>The state and remains of an order at <paramref name="now"/> as the delivery simulation has it.</summary>
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

    /// <summary>When the delivery simulation finishes delivering an order (its share of it).</summary>
    private static DateTimeOffset DeliveredAt(SimulatedOrder order)
    {
        var service = order.Service;
        var target = (long)Math.Floor(order.Quantity * service.DeliveredShare);
        return order.CreatedAt + service.StartDelay + TimeSpan.FromMinutes((double)target / service.UnitsPerMinute);
    }

    private Item StatusJson(long id, DateTimeOffset now)
    {
        if (!_ordersById.TryGetValue(id, out var order))
        {
            return ErrorObject("Incorrect order ID");
        }

        var view = View(order, now);
        if (view.Error is { } error)
        {
            return ErrorObject(error);
        }

        return new(w =>
        {
            w.WriteStartObject();
            w.WriteString("charge", view.Charge.ToString(CultureInfo.InvariantCulture));
            w.WriteString("start_count", view.StartCount.ToString(CultureInfo.InvariantCulture));
            w.WriteString("status", view.Status);
            w.WriteString("remains", view.Remains.ToString(CultureInfo.InvariantCulture));
            w.WriteString("currency", panel.Currency);
            w.WriteEndObject();
        });
    }

    /// <summary>Refunds the undelivered part of orders that ended Partial, at the moment they ended (scripted orders are not refunded).</summary>
    private void Settle(DateTimeOffset now)
    {
        foreach (var order in _orders)
        {
            if (_settled.Contains(order.Id) || order.CanceledAt is not null || order.Script is not null || StatusOf(order, now) is not ("Partial", var remains))
            {
                continue;
            }

            var endedAt = DeliveredAt(order);
            var refund = order.Service.RatePer1000 * remains / 1000m;
            order.Charge -= refund;
            panel.ChangeBalance(endedAt < now ? endedAt : now, refund, $"refund of order {order.Id.ToString(CultureInfo.InvariantCulture)} (partial)");
            _settled.Add(order.Id);
        }
    }
}
