using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>Cancels: <c>cancel</c>, refunding what was not delivered.</summary>
internal sealed partial class PanelApi
{
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
}
