using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// What one poll's answer for one tracked order means: the record to write (snapshot, state, refund, event, next poll).
/// Pure: the same order, answer and options give the same record.
/// </summary>
internal static class StatusReading
{
    /// <summary>The record for one order of a batch.</summary>
    /// <param name="lease">The order's tracking lease.</param>
    /// <param name="answer">The panel's answer for its id; null when the answer left it out.</param>
    /// <param name="options">The engine's options.</param>
    /// <returns>The record.</returns>
    internal static OrderStatusRecord Read(OrderLease lease, ItemResult<OrderStatus>? answer, PlugsmmOrdersOptions options)
    {
        var order = lease.Order;
        var polls = order.Polls + 1;
        var next = Backoff.For(polls, options.TrackingDelay, options.MaxTrackingInterval);
        if (answer is null || answer.Error is not null)
        {
            return Failed(lease, answer?.Error?.Reason ?? "missing_from_answer", polls, next, options);
        }

        var status = answer.Value;
        var state = LocalState(status.State);
        if (state != LocalOrderState.Placed)
        {
            var entitled = Refunds.Entitled(status.State, order.Price, order.Quantity, status.Remains, options.RefundDecimals);
            var reason = status.State == OrderState.Partial && status.Remains is null ? "remains_unknown" : null;
            return Snapshot(lease, status, state, polls, null, FinalEvent(state), reason, Refunds.Due(entitled, order.Price, order.RefundedAmount));
        }

        // A word the SDK does not know: kept, reported once (not once per poll), and the order polled on.
        if (status.State == OrderState.Unknown)
        {
            var news = !string.Equals(order.ProviderStatus, status.StatusText, StringComparison.Ordinal);
            return Snapshot(lease, status, state, polls, next, news ? OrderEventKind.StatusUnrecognized : null, "status_unrecognized", 0m);
        }

        var progressed = status.Remains is { } remains && remains != (order.Remains ?? order.Quantity);
        return Snapshot(lease, status, state, polls, next, progressed ? OrderEventKind.Progress : null, null, 0m);
    }

    /// <summary>The record for every order of a batch whose request failed as a whole: polled again later, nothing else.</summary>
    internal static OrderStatusRecord Retry(OrderLease lease, PlugsmmOrdersOptions options) => new()
    {
        Lease = lease,
        State = LocalOrderState.Placed,
        Reason = lease.Order.Reason,
        Polls = lease.Order.Polls + 1,
        DueIn = Backoff.For(lease.Order.Polls + 1, options.TrackingDelay, options.MaxTrackingInterval),
    };

    private static OrderStatusRecord Failed(OrderLease lease, string reason, int polls, TimeSpan next, PlugsmmOrdersOptions options)
    {
        var order = lease.Order;
        var record = new OrderStatusRecord { Lease = lease, State = LocalOrderState.Placed, Reason = order.Reason, Polls = polls, DueIn = next };
        if (!string.Equals(reason, PlugsmmErrorReasons.InvalidOrder, StringComparison.Ordinal))
        {
            return record; // this id's own trouble: polled again later, the rest of the batch goes on
        }

        // "Incorrect order ID" right after add: the panel has not caught up yet. Reported once after the grace period.
        var placedAt = order.PlacedAt ?? order.UpdatedAt;
        if (lease.ClaimedAt - placedAt < options.NotFoundGracePeriod)
        {
            return record;
        }

        var news = !string.Equals(order.Reason, reason, StringComparison.Ordinal);
        return new OrderStatusRecord
        {
            Lease = lease, State = LocalOrderState.Placed, Reason = reason, Polls = polls, DueIn = next, Event = news ? OrderEventKind.NotFoundOnPanel : null,
        };
    }

    private static OrderStatusRecord Snapshot(
        OrderLease lease, OrderStatus status, LocalOrderState state, int polls, TimeSpan? next, OrderEventKind? kind, string? reason, decimal refund) => new()
    {
        Lease = lease,
        State = state,
        Event = kind,
        Reason = reason,
        Refund = refund,
        ProviderStatus = status.StatusText,
        StartCount = status.StartCount,
        Remains = status.Remains,
        ProviderCharge = status.Charge,
        Polls = polls,
        DueIn = next,
    };

    private static LocalOrderState LocalState(OrderState state) => state switch
    {
        OrderState.Completed => LocalOrderState.Completed,
        OrderState.Partial => LocalOrderState.Partial,
        OrderState.Canceled or OrderState.Refunded => LocalOrderState.Canceled,
        OrderState.Failed => LocalOrderState.Failed,
        _ => LocalOrderState.Placed,
    };

    private static OrderEventKind FinalEvent(LocalOrderState state) => state switch
    {
        LocalOrderState.Completed => OrderEventKind.Completed,
        LocalOrderState.Partial => OrderEventKind.Partial,
        LocalOrderState.Canceled => OrderEventKind.Canceled,
        _ => OrderEventKind.Failed,
    };
}
