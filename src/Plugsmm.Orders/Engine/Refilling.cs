using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// Sends the requested refills of one panel and polls the pending ones: claims up to 100 under leases, records each
/// new one as being sent before one <c>refill</c> request leaves, asks the pending ones' statuses in one
/// <c>refill_status</c> request, and records every answer under its fence. A refill found being sent (its engine
/// died) is recorded unknown, never sent again.
/// </summary>
internal sealed class Refilling(IOrderStore store, Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, ILogger logger)
{
    /// <summary>The reason of a refill whose sending was interrupted (a crash, a lost lease, the host stopping).</summary>
    internal const string Interrupted = "refill_interrupted";

    private bool _storeLacksRefills;

    /// <returns>How many orders were handled.</returns>
    internal async Task<int> RefillAsync(string owner, string panel, CancellationToken cancellationToken)
    {
        if (_storeLacksRefills)
        {
            return 0;
        }

        IReadOnlyList<OrderLease> leases;
        try
        {
            leases = await store.ClaimRefillsAsync(owner, panel, Math.Min(options.BatchSize, Tracking.MaxBatch), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // A store written before refills (the member's default body): the engine runs on without them.
            _storeLacksRefills = true;
            OrdersLog.StoreLacks(logger, "refills");
            return 0;
        }

        using var activity = OrdersTracing.StartBatch(OrdersTracing.Refill, panel, leases.Count);
        var sending = new List<OrderLease>();
        var pending = new List<OrderLease>();
        foreach (var lease in leases)
        {
            switch (lease.Order.Refill)
            {
                case RefillRequestState.Sending:
                    await RecordAsync(RefillReading.Unknown(lease, Interrupted)).ConfigureAwait(false);
                    break;
                case RefillRequestState.Pending:
                    pending.Add(lease);
                    break;
                default:
                    if (await RecordAsync(new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Sending, KeepLease = true }).ConfigureAwait(false))
                    {
                        sending.Add(lease);
                    }

                    break;
            }
        }

        if (sending.Count > 0)
        {
            await SendAsync(panel, sending, cancellationToken).ConfigureAwait(false);
        }

        if (pending.Count > 0)
        {
            await PollAsync(panel, pending, cancellationToken).ConfigureAwait(false);
        }

        return leases.Count;
    }

    /// <summary>
    /// One <c>refill</c> request; a whole request that certainly never reached the panel is due again after the retry
    /// delay when the trouble passes, refused with the panel's reason (e.g. "Refill is disabled for this service") when
    /// it does not.
    /// </summary>
    private async Task SendAsync(string panel, List<OrderLease> sending, CancellationToken cancellationToken)
    {
        var records = await SideEffectRequest.SendAsync(
            sending,
            ids => clients(panel).RefillOrdersAsync(ids, cancellationToken),
            (lease, answer) => RefillReading.Sent(lease, answer, options),
            (lease, error) => error.IsRetryable
                ? new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Requested, Reason = error.Reason, DueIn = options.RetryDelay }
                : new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Refused, Event = OrderEventKind.RefillRefused, Reason = error.Reason },
            RefillReading.Unknown,
            Interrupted).ConfigureAwait(false);
        foreach (var record in records)
        {
            await RecordAsync(record).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(string panel, List<OrderLease> pending, CancellationToken cancellationToken)
    {
        IReadOnlyList<ItemResult<RefillStatus>> answers;
        try
        {
            answers = await clients(panel).GetRefillStatusesAsync(pending.Select(l => l.Order.RefillId!.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the leases run out; the refills are polled again then
        }
#pragma warning disable CA1031 // A failed status request only delays the batch.
        catch (Exception error)
#pragma warning restore CA1031
        {
            OrdersLog.StatusRequestFailed(logger, error, panel, pending.Count);
            OrdersTracing.Failed(error);
            foreach (var lease in pending)
            {
                await RecordAsync(RefillReading.Polled(lease, null, options)).ConfigureAwait(false);
            }

            return;
        }

        var byId = SideEffectRequest.ById(answers);
        foreach (var lease in pending)
        {
            await RecordAsync(RefillReading.Polled(lease, byId.GetValueOrDefault(lease.Order.RefillId!.Value), options)).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a step even if the host is stopping: the answer is known now.</summary>
    private async Task<bool> RecordAsync(OrderRefillRecord record)
    {
        var order = record.Lease.Order;
        if (!await store.RecordRefillAsync(record, CancellationToken.None).ConfigureAwait(false))
        {
            OrdersLog.LeaseLost(logger, order.Id, record.Lease.Fence);
            return false;
        }

        switch (record.Event)
        {
            case OrderEventKind.RefillAccepted or OrderEventKind.RefillCompleted:
                OrdersLog.RefillProgressed(logger, order.Id, record.RefillId ?? order.RefillId ?? 0, record.Refill);
                break;
            case OrderEventKind.RefillRefused:
                OrdersLog.RefillRefused(logger, order.Id, order.ProviderOrderId ?? 0, record.Reason ?? string.Empty);
                break;
            case OrderEventKind.RefillUnknown:
                OrdersLog.RefillUnknown(logger, order.Id, order.ProviderOrderId ?? 0, record.Reason ?? string.Empty);
                break;
        }

        return true;
    }
}
