using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>Refills: <c>refill</c> and <c>refill_status</c>.</summary>
internal sealed partial class PanelApi
{
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
}
