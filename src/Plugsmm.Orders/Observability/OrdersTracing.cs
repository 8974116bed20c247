using System.Diagnostics;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// The activity source <c>Plugsmm.Orders</c>: one internal span per unit of work of the engine, started under
/// <see cref="Activity.Current"/> so that the client's span of each call (<c>plugsmm add</c>, <c>plugsmm status</c>, …) is its child.
/// </summary>
internal static class OrdersTracing
{
    public const string Place = "plugsmm.orders.place";
    public const string Track = "plugsmm.orders.track";
    public const string Cancel = "plugsmm.orders.cancel";
    public const string Refill = "plugsmm.orders.refill";

    public static readonly ActivitySource Source = new(PlugsmmOrdersTelemetry.ActivitySourceName, PlugsmmOrdersTelemetry.Version);

    /// <summary>The span of placing one order, or null when nobody listens.</summary>
    public static Activity? StartPlace(LocalOrder order) =>
        Source.HasListeners()
            ? Source.StartActivity(Place, ActivityKind.Internal, default(ActivityContext), [new(OrdersTags.OrderId, order.Id), new(OrdersTags.Panel, OrdersTags.PanelValue(order.Panel)), new(OrdersTags.ServiceId, order.ServiceId)])
            : null;

    /// <summary>The span of one batch (tracking, cancels, refills) of one panel; null when the batch is empty or nobody listens.</summary>
    public static Activity? StartBatch(string name, string panel, int count) =>
        count > 0 && Source.HasListeners()
            ? Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), [new(OrdersTags.Panel, OrdersTags.PanelValue(panel)), new(OrdersTags.Count, count)])
            : null;

    /// <summary>Marks the engine's current span failed: the panel's call of the batch failed.</summary>
    public static void Failed(Exception error)
    {
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            var reason = error is PlugsmmException plugsmm ? plugsmm.Reason : error.GetType().Name;
            activity.SetTag(OrdersTags.ErrorType, error.GetType().FullName);
            activity.SetTag(OrdersTags.Reason, reason);
            activity.SetStatus(ActivityStatusCode.Error, reason);
        }
    }
}
