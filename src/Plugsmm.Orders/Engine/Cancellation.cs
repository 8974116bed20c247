using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// Sends the requested cancels of one panel: claims up to 100 under leases, records each as being sent before one
/// <c>cancel</c> request leaves, and records each answer under its fence. A cancel found being sent (its engine died)
/// is recorded unknown, never sent again. Nothing is refunded here: the tracked status ends the order.
/// </summary>
internal sealed class Cancellation(IOrderStore store, Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, ILogger logger)
{
    /// <summary>The reason of a cancel whose sending was interrupted (a crash, a lost lease, the host stopping).</summary>
    internal const string Interrupted = "cancel_interrupted";

    private bool _storeLacksCancels;

    /// <returns>How many orders were handled.</returns>
    internal async Task<int> CancelAsync(string owner, string panel, CancellationToken cancellationToken)
    {
        if (_storeLacksCancels)
        {
            return 0;
        }

        IReadOnlyList<OrderLease> leases;
        try
        {
            leases = await store.ClaimCancelsAsync(owner, panel, Math.Min(options.BatchSize, Tracking.MaxBatch), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // A store written before cancels (the member's default body): the engine runs on without them.
            _storeLacksCancels = true;
            OrdersLog.StoreLacks(logger, "cancel on request");
            return 0;
        }

        using var activity = OrdersTracing.StartBatch(OrdersTracing.Cancel, panel, leases.Count);
        var sending = new List<OrderLease>(leases.Count);
        foreach (var lease in leases)
        {
            if (lease.Order.Cancel == CancelState.Sending)
            {
                await RecordAsync(Unknown(lease, Interrupted)).ConfigureAwait(false);
            }
            else if (await RecordAsync(new OrderCancelRecord { Lease = lease, Cancel = CancelState.Sending, KeepLease = true }).ConfigureAwait(false))
            {
                sending.Add(lease);
            }
        }

        if (sending.Count > 0)
        {
            await SendAsync(panel, sending, cancellationToken).ConfigureAwait(false);
        }

        return leases.Count;
    }

    /// <summary>
    /// One <c>cancel</c> request; a whole request that certainly never reached the panel is due again after the retry
    /// delay when the trouble passes, refused with the panel's reason when it does not.
    /// </summary>
    private async Task SendAsync(string panel, List<OrderLease> sending, CancellationToken cancellationToken)
    {
        var records = await SideEffectRequest.SendAsync(
            sending,
            ids => clients(panel).CancelOrdersAsync(ids, cancellationToken),
            Read,
            (lease, error) => error.IsRetryable
                ? new OrderCancelRecord { Lease = lease, Cancel = CancelState.Requested, Reason = error.Reason, RetryIn = options.RetryDelay }
                : new OrderCancelRecord { Lease = lease, Cancel = CancelState.Refused, Event = OrderEventKind.CancelRefused, Reason = error.Reason },
            Unknown,
            Interrupted).ConfigureAwait(false);
        foreach (var record in records)
        {
            await RecordAsync(record).ConfigureAwait(false);
        }
    }

    /// <summary>What the panel's answer for one order means.</summary>
    internal static OrderCancelRecord Read(OrderLease lease, ItemResult<bool>? answer) => answer switch
    {
        null => Unknown(lease, "missing_from_answer"),
        { Error: null, Value: true } => new OrderCancelRecord { Lease = lease, Cancel = CancelState.Accepted, Event = OrderEventKind.CancelAccepted, PollNow = true },
        { Error: null } => Unknown(lease, "cancel_not_confirmed"),
        { Error.OutcomeUnknown: true } => Unknown(lease, answer.Error.Reason),
        _ => new OrderCancelRecord { Lease = lease, Cancel = CancelState.Refused, Event = OrderEventKind.CancelRefused, Reason = answer.Error!.Reason },
    };

    private static OrderCancelRecord Unknown(OrderLease lease, string reason) =>
        new() { Lease = lease, Cancel = CancelState.Unknown, Event = OrderEventKind.CancelUnknown, Reason = reason, PollNow = true };

    /// <summary>Writes a step even if the host is stopping: the answer is known now.</summary>
    private async Task<bool> RecordAsync(OrderCancelRecord record)
    {
        var order = record.Lease.Order;
        if (!await store.RecordCancelAsync(record, CancellationToken.None).ConfigureAwait(false))
        {
            OrdersLog.LeaseLost(logger, order.Id, record.Lease.Fence);
            return false;
        }

        switch (record.Cancel)
        {
            case CancelState.Accepted:
                OrdersLog.CancelAccepted(logger, order.Id, order.ProviderOrderId ?? 0);
                break;
            case CancelState.Refused:
                OrdersLog.CancelRefused(logger, order.Id, order.ProviderOrderId ?? 0, record.Reason ?? string.Empty);
                break;
            case CancelState.Unknown:
                OrdersLog.CancelUnknown(logger, order.Id, order.ProviderOrderId ?? 0, record.Reason ?? string.Empty);
                break;
        }

        return true;
    }
}
