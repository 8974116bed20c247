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

    /// <returns>How many orders were handled.</returns>
    internal async Task<int> RefillAsync(string owner, string panel, CancellationToken cancellationToken)
    {
        var leases = await store.ClaimRefillsAsync(owner, panel, Math.Min(options.BatchSize, Tracking.MaxBatch), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
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

    private async Task SendAsync(string panel, List<OrderLease> sending, CancellationToken cancellationToken)
    {
        IReadOnlyList<ItemResult<long>> answers;
        try
        {
            answers = await clients(panel).RefillOrdersAsync(sending.Select(l => l.Order.ProviderOrderId!.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (PlugsmmException error) when (!error.OutcomeUnknown)
        {
            // The request certainly never reached the panel (or the panel refused it whole, e.g. "Refill is disabled
            // for this service"): due again after the retry delay when the trouble passes, refused when it does not.
            OrdersTracing.Failed(error);
            foreach (var lease in sending)
            {
                await RecordAsync(error.IsRetryable
                    ? new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Requested, Reason = error.Reason, DueIn = options.RetryDelay }
                    : new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Refused, Event = OrderEventKind.RefillRefused, Reason = error.Reason }).ConfigureAwait(false);
            }

            return;
        }
#pragma warning disable CA1031 // Anything else may have reached the panel: unknown, never sent again.
        catch (Exception error)
#pragma warning restore CA1031
        {
            var reason = error is PlugsmmException plugsmm ? plugsmm.Reason : Interrupted;
            OrdersTracing.Failed(error);
            foreach (var lease in sending)
            {
                await RecordAsync(RefillReading.Unknown(lease, reason)).ConfigureAwait(false);
            }

            return;
        }

        var byId = ById(answers);
        foreach (var lease in sending)
        {
            await RecordAsync(RefillReading.Sent(lease, byId.GetValueOrDefault(lease.Order.ProviderOrderId!.Value), options)).ConfigureAwait(false);
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

        var byId = ById(answers);
        foreach (var lease in pending)
        {
            await RecordAsync(RefillReading.Polled(lease, byId.GetValueOrDefault(lease.Order.RefillId!.Value), options)).ConfigureAwait(false);
        }
    }

    private static Dictionary<long, ItemResult<T>> ById<T>(IReadOnlyList<ItemResult<T>> answers)
    {
        var byId = new Dictionary<long, ItemResult<T>>();
        foreach (var answer in answers)
        {
            byId.TryAdd(answer.Id, answer);
        }

        return byId;
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
