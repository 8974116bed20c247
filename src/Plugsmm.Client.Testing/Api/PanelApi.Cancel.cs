using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>Cancels: <c>cancel</c> of a running order of a cancelable service, refunding what was not delivered.</summary>
internal sealed partial class PanelApi
{
    private Item Cancel(long orderId, DateTimeOffset now)
    {
        if (!_ordersById.TryGetValue(orderId, out var order))
        {
            return ErrorObject("Incorrect order ID");
        }

        var view = View(order, now);
        if (view.Error is { } error)
        {
            return ErrorObject(error);
        }

        if (!order.Service.Cancel || !view.IsActive)
        {
            return ErrorObject("Order can not be canceled.");
        }

        order.CanceledAt = now;
        order.CanceledRemains = Math.Clamp(view.Remains, 0, order.Quantity);
        var refund = order.Service.RatePer1000 * order.CanceledRemains / 1000m;
        order.Charge -= refund;
        panel.ChangeBalance(now, refund, $"refund of order {orderId.ToString(CultureInfo.InvariantCulture)}");
        return new(w => w.WriteNumberValue(1));
    }
}
