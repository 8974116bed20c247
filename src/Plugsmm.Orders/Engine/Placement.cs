using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// Places one claimed order: "placing" is recorded under the lease before <c>add</c> leaves, then the outcome with its
/// event. An order claimed while already placing was left there by a crash or a lost lease: it goes to the resolution
/// queue, never to <c>add</c> again.
/// </summary>
internal sealed class Placement(IOrderStore store, Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, ILogger logger)
{
    internal async Task PlaceAsync(OrderLease lease, CancellationToken cancellationToken)
    {
        var order = lease.Order;
        if (order.State == LocalOrderState.Placing)
        {
            await RecordUnknownAsync(lease, order.Attempts, "interrupted_while_placing", cancellationToken).ConfigureAwait(false);
            return;
        }

        IPlugsmmClient client;
        try
        {
            client = clients(order.Panel);
        }
#pragma warning disable CA1031 // A panel missing from configuration: nothing was sent, the order waits for it.
        catch (Exception)
#pragma warning restore CA1031
        {
            await RecordWaitingAsync(lease, order.Attempts, new AddOutcome(LocalOrderState.Waiting, "panel_not_configured", null), cancellationToken).ConfigureAwait(false);
            return;
        }

        var attempts = order.Attempts + 1;
        var placing = new OrderTransition { Lease = lease, State = LocalOrderState.Placing, Attempts = attempts, KeepLease = true, Reason = order.Reason };
        if (!await store.TransitionAsync(placing, cancellationToken).ConfigureAwait(false))
        {
            OrdersLog.LeaseLost(logger, order.Id, lease.Fence);
            return;
        }

        long providerOrderId;
        try
        {
            providerOrderId = await client.AddOrderAsync(ToRequest(order), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure of add is classified: refused, waiting or unknown.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await RecordFailureAsync(lease, attempts, AddOutcome.Of(error)).ConfigureAwait(false);
            return;
        }

        // The order exists on the panel now: record it even if the host is stopping.
        var placed = new OrderTransition
        {
            Lease = lease, State = LocalOrderState.Placed, Event = OrderEventKind.Placed, ProviderOrderId = providerOrderId, Attempts = attempts,
            DueIn = options.TrackingDelay,
        };
        bool written;
        try
        {
            written = await store.TransitionAsync(placed, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The order stays "placing" and reaches the resolution queue: the panel's id is in this line.
            OrdersLog.PlacedNotRecorded(logger, error, order.Id, providerOrderId);
            throw;
        }

        if (written)
        {
            OrdersLog.Placed(logger, order.Id, providerOrderId, order.Panel);
        }
        else
        {
            OrdersLog.PlacedLeaseLost(logger, order.Id, providerOrderId);
        }
    }

    private static DefaultOrder ToRequest(LocalOrder order) =>
        new() { ServiceId = order.ServiceId, Link = order.Link, Quantity = order.Quantity };

    private Task RecordFailureAsync(OrderLease lease, int attempts, AddOutcome outcome) => outcome.State switch
    {
        // Written even if the host is stopping: the answer is known now and would be lost otherwise.
        LocalOrderState.Waiting => RecordWaitingAsync(lease, attempts, outcome, CancellationToken.None),
        LocalOrderState.Failed => RecordFailedAsync(lease, attempts, outcome.Reason),
        _ => RecordUnknownAsync(lease, attempts, outcome.Reason, CancellationToken.None),
    };

    private async Task RecordWaitingAsync(OrderLease lease, int attempts, AddOutcome outcome, CancellationToken cancellationToken)
    {
        var order = lease.Order;
        var wait = Backoff.For(Math.Max(attempts, 1), options.RetryDelay, options.MaxRetryDelay);
        if (outcome.RetryAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        // One event when the order starts waiting, or waits for another reason; not one per retry.
        var news = order.State != LocalOrderState.Waiting || !string.Equals(order.Reason, outcome.Reason, StringComparison.Ordinal);
        var waiting = new OrderTransition
        {
            Lease = lease, State = LocalOrderState.Waiting, Event = news ? OrderEventKind.Waiting : null, Reason = outcome.Reason, Attempts = attempts, DueIn = wait,
        };
        if (await store.TransitionAsync(waiting, cancellationToken).ConfigureAwait(false))
        {
            OrdersLog.Waiting(logger, order.Id, outcome.Reason, wait.TotalSeconds);
        }
        else
        {
            OrdersLog.LeaseLost(logger, order.Id, lease.Fence);
        }
    }

    private async Task RecordFailedAsync(OrderLease lease, int attempts, string reason)
    {
        var failed = new OrderTransition
        {
            Lease = lease, State = LocalOrderState.Failed, Event = OrderEventKind.Failed, Reason = reason, Attempts = attempts, Refund = lease.Order.Price,
        };
        if (await store.TransitionAsync(failed, CancellationToken.None).ConfigureAwait(false))
        {
            OrdersLog.Failed(logger, lease.Order.Id, reason);
        }
        else
        {
            OrdersLog.LeaseLost(logger, lease.Order.Id, lease.Fence);
        }
    }

    private async Task RecordUnknownAsync(OrderLease lease, int attempts, string reason, CancellationToken cancellationToken)
    {
        var unknown = new OrderTransition { Lease = lease, State = LocalOrderState.Unknown, Event = OrderEventKind.OutcomeUnknown, Reason = reason, Attempts = attempts };
        if (await store.TransitionAsync(unknown, cancellationToken).ConfigureAwait(false))
        {
            OrdersLog.Unknown(logger, lease.Order.Id, reason);
        }
        else
        {
            OrdersLog.LeaseLost(logger, lease.Order.Id, lease.Fence);
        }
    }
}
