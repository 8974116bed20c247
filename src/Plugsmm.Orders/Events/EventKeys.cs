using System.Globalization;

namespace Plugsmm.Orders;

/// <summary>The stable dedupe key of an event: <c>{orderId}:{transition}:{version}</c>.</summary>
internal static class EventKeys
{
    internal static string For(long orderId, OrderEventKind kind, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderId}:{Name(kind)}:{version}");

    /// <summary>The key of an event about a panel: <c>panel:{panel}:{kind}:{n}</c>.</summary>
    internal static string ForPanel(string panel, OrderEventKind kind, long n) =>
        string.Create(CultureInfo.InvariantCulture, $"panel:{panel}:{Name(kind)}:{n}");

    internal static string Name(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Accepted => "accepted",
        OrderEventKind.Placed => "placed",
        OrderEventKind.Waiting => "waiting",
        OrderEventKind.Failed => "failed",
        OrderEventKind.OutcomeUnknown => "unknown",
        OrderEventKind.Requeued => "requeued",
        OrderEventKind.Progress => "progress",
        OrderEventKind.Completed => "completed",
        OrderEventKind.Partial => "partial",
        OrderEventKind.Canceled => "canceled",
        OrderEventKind.StatusUnrecognized => "unrecognized",
        OrderEventKind.NotFoundOnPanel => "not_found",
        OrderEventKind.CancelRequested => "cancel_requested",
        OrderEventKind.CancelAccepted => "cancel_accepted",
        OrderEventKind.CancelRefused => "cancel_refused",
        OrderEventKind.CancelUnknown => "cancel_unknown",
        OrderEventKind.RefillRequested => "refill_requested",
        OrderEventKind.RefillAccepted => "refill_accepted",
        OrderEventKind.RefillCompleted => "refill_completed",
        OrderEventKind.RefillRefused => "refill_refused",
        OrderEventKind.RefillUnknown => "refill_unknown",
        OrderEventKind.LowBalance => "low_balance",
        OrderEventKind.BalanceRestored => "balance_restored",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an event kind."),
    };
}
