using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>The state of orders: the delivery simulation, <c>status</c>, and the refund of orders that end Partial.</summary>
internal sealed partial class PanelApi
{
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
}
