using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// Polls the tracked orders of one panel: claims up to 100 due orders under leases, asks their statuses in one
/// <c>status</c> request, and writes each order's record (snapshot, refund, event, next poll) under its fence. One
/// id's error never fails its batch; a failed request polls the whole batch again later.
/// </summary>
internal sealed class Tracking(IOrderStore store, Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, ILogger logger)
{
    /// <summary>The most ids one <c>status</c> request carries.</summary>
    internal const int MaxBatch = 100;

    /// <returns>How many orders were polled.</returns>
    internal async Task<int> TrackAsync(string owner, string panel, CancellationToken cancellationToken)
    {
        var leases = await store.ClaimTrackingAsync(owner, panel, Math.Min(options.BatchSize, MaxBatch), options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (leases.Count == 0)
        {
            return 0;
        }

        using var activity = OrdersTracing.StartBatch(OrdersTracing.Track, panel, leases.Count);
        IReadOnlyList<ItemResult<OrderStatus>> answers;
        try
        {
            answers = await clients(panel).GetOrderStatusesAsync(leases.Select(l => l.Order.ProviderOrderId!.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the leases run out; the orders are polled again then
        }
#pragma warning disable CA1031 // A failed status request (panel down, missing client) only delays the batch.
        catch (Exception error)
#pragma warning restore CA1031
        {
            OrdersLog.StatusRequestFailed(logger, error, panel, leases.Count);
            OrdersTracing.Failed(error);
            await RecordAsync([.. leases.Select(lease => StatusReading.Retry(lease, options))]).ConfigureAwait(false);
            return leases.Count;
        }

        var byId = SideEffectRequest.ById(answers);

        var records = leases.Select(lease => StatusReading.Read(lease, byId.GetValueOrDefault(lease.Order.ProviderOrderId!.Value), options)).ToList();
        foreach (var record in await RecordAsync(records).ConfigureAwait(false))
        {
            Log(record);
        }

        return leases.Count;
    }

    /// <summary>Writes the batch's records in one go, even if the host is stopping: the answers are known now.</summary>
    /// <returns>The records written (a stale fence's is not: logged).</returns>
    private async Task<IEnumerable<OrderStatusRecord>> RecordAsync(List<OrderStatusRecord> records)
    {
        var written = await store.RecordStatusesAsync(records, CancellationToken.None).ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
        {
            if (!written[i])
            {
                OrdersLog.LeaseLost(logger, records[i].Lease.Order.Id, records[i].Lease.Fence);
            }
        }

        return records.Where((_, i) => written[i]);
    }

    private void Log(OrderStatusRecord record)
    {
        var order = record.Lease.Order;
        switch (record.Event)
        {
            case OrderEventKind.Completed or OrderEventKind.Partial or OrderEventKind.Canceled or OrderEventKind.Failed:
                OrdersLog.Finished(logger, order.Id, record.State, record.ProviderStatus ?? string.Empty, record.Refund);
                break;
            case OrderEventKind.StatusUnrecognized:
                OrdersLog.StatusUnrecognized(logger, order.Id, record.ProviderStatus ?? string.Empty);
                break;
            case OrderEventKind.NotFoundOnPanel:
                OrdersLog.NotFoundOnPanel(logger, order.Id, order.ProviderOrderId ?? 0, order.Panel);
                break;
        }
    }
}
