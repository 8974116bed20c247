using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>What the panel's answers to <c>refill</c> and <c>refill_status</c> mean for one order. Pure.</summary>
internal static class RefillReading
{
    /// <summary>The record for the answer to <c>refill</c> (null: the answer left the order out).</summary>
    internal static OrderRefillRecord Sent(OrderLease lease, ItemResult<long>? answer, PlugsmmOrdersOptions options) => answer switch
    {
        null => Unknown(lease, "missing_from_answer"),
        { Error: null } => new OrderRefillRecord
        {
            Lease = lease, Refill = RefillRequestState.Pending, Event = OrderEventKind.RefillAccepted, RefillId = answer.Value, DueIn = options.TrackingDelay,
        },
        { Error.OutcomeUnknown: true } => Unknown(lease, answer.Error.Reason),
        _ => new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Refused, Event = OrderEventKind.RefillRefused, Reason = answer.Error!.Reason },
    };

    /// <summary>The record for the answer to <c>refill_status</c> (null: the request failed or left the refill out: polled again later).</summary>
    internal static OrderRefillRecord Polled(OrderLease lease, ItemResult<RefillStatus>? answer, PlugsmmOrdersOptions options)
    {
        var order = lease.Order;
        var polls = order.RefillPolls + 1;
        var next = Backoff.For(polls, options.TrackingDelay, options.MaxTrackingInterval);
        if (answer is null || answer.Error is not null)
        {
            return new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Pending, Reason = answer?.Error?.Reason ?? order.RefillReason, Polls = polls, DueIn = next };
        }

        var status = answer.Value;
        return status.State switch
        {
            RefillState.Completed => new OrderRefillRecord
            {
                Lease = lease, Refill = RefillRequestState.Completed, Event = OrderEventKind.RefillCompleted, ProviderStatus = status.StatusText, Polls = polls,
            },
            RefillState.Rejected => new OrderRefillRecord
            {
                Lease = lease, Refill = RefillRequestState.Refused, Event = OrderEventKind.RefillRefused, Reason = "refill_rejected", ProviderStatus = status.StatusText, Polls = polls,
            },

            // Pending, in progress, or a word the SDK does not know: kept and polled on (at most every MaxTrackingInterval), never stuck.
            _ => new OrderRefillRecord
            {
                Lease = lease, Refill = RefillRequestState.Pending, ProviderStatus = status.StatusText, Polls = polls, DueIn = next,
                Reason = status.State == RefillState.Unknown ? "status_unrecognized" : null,
            },
        };
    }

    /// <summary>The refill request may have reached the panel: not sent again.</summary>
    internal static OrderRefillRecord Unknown(OrderLease lease, string reason) =>
        new() { Lease = lease, Refill = RefillRequestState.Unknown, Event = OrderEventKind.RefillUnknown, Reason = reason };
}
