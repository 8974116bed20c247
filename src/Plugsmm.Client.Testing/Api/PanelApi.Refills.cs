using System.Globalization;

namespace Plugsmm.Client.Testing;

/// <summary>
/// Refills: <c>refill</c> with its refusals (not eligible, past the service's refill period, one still running) and
/// <c>refill_status</c> (Pending for <see cref="RefillDuration"/>, then Completed, or Rejected for a service that rejects refills).
/// </summary>
internal sealed partial class PanelApi
{
    /// <summary>How long a refill stays Pending before it ends.</summary>
    public static readonly TimeSpan RefillDuration = TimeSpan.FromMinutes(10);

    private readonly Dictionary<long, RefillTask> _refills = [];
    private long _nextRefillId = 500;

    private Item Refill(long orderId, DateTimeOffset now)
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

        var service = order.Service;
        if (!service.Refill || !view.IsRefillable)
        {
            return ErrorObject("Order not eligible for refill.");
        }

        if (service.RefillPeriod is { } period && view.EndedAt is { } endedAt && now - endedAt > period)
        {
            return ErrorObject("Order is too old");
        }

        if (_refills.Values.Any(r => r.OrderId == orderId && !r.HasEnded(now)))
        {
            return ErrorObject("The refill task is not completed for this order");
        }

        var refillId = ++_nextRefillId;
        _refills[refillId] = new RefillTask(orderId, now, service.RefillRejects);
        return new(w => w.WriteStringValue(refillId.ToString(CultureInfo.InvariantCulture)));
    }

    private Item RefillStatus(long refillId, DateTimeOffset now)
    {
        if (!_refills.TryGetValue(refillId, out var refill))
        {
            return ErrorObject("Refill not found");
        }

        var status = !refill.HasEnded(now) ? "Pending" : refill.Rejects ? "Rejected" : "Completed";
        return new(w => w.WriteStringValue(status));
    }

    /// <summary>A refill taken: for which order, when, and whether it ends Rejected.</summary>
    private readonly record struct RefillTask(long OrderId, DateTimeOffset At, bool Rejects)
    {
        public bool HasEnded(DateTimeOffset now) => now - At >= RefillDuration;
    }
}
