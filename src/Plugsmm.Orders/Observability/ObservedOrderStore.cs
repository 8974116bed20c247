using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// The engine's store, observed: every write the store confirms (returns true) is counted once, there, as the
/// engine's classes make it: placement outcomes, orders finished, refunds. Reads and everything else pass through.
/// </summary>
/// <remarks>
/// Every member of <see cref="IOrderStore"/> is forwarded explicitly (<c>ObservedOrderStoreTests</c> checks it): a
/// member added to the interface must be added here, or the engine would get the interface's default instead of the store's.
/// </remarks>
internal sealed class ObservedOrderStore(IOrderStore inner, OrdersMetrics metrics) : IOrderStore
{
    internal IOrderStore Inner => inner;

    public async Task<bool> TransitionAsync(OrderTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (!await inner.TransitionAsync(transition, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var order = transition.Lease.Order;
        if (transition.State == LocalOrderState.Placing)
        {
            PlacementScope.Current?.Sending();
            return true;
        }

        metrics.Placement(order.Panel, transition.State, transition.Reason);
        metrics.Written(order.Panel, transition.State, transition.Refund);
        PlacementScope.Current?.Outcome(transition.State, transition.Reason, transition.ProviderOrderId);
        return true;
    }

    public async Task<bool> RecordStatusAsync(OrderStatusRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!await inner.RecordStatusAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        metrics.Written(record.Lease.Order.Panel, record.State, record.Refund);
        return true;
    }

    public async Task<IReadOnlyList<bool>> RecordStatusesAsync(IReadOnlyList<OrderStatusRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var written = await inner.RecordStatusesAsync(records, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
        {
            if (written[i])
            {
                metrics.Written(records[i].Lease.Order.Panel, records[i].State, records[i].Refund);
            }
        }

        return written;
    }

    public Task<LocalOrder> AcceptAsync(NewOrder order, CancellationToken cancellationToken) => inner.AcceptAsync(order, cancellationToken);

    public Task<LocalOrder?> GetAsync(long orderId, CancellationToken cancellationToken) => inner.GetAsync(orderId, cancellationToken);

    public Task<LocalOrder?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) => inner.FindAsync(idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        inner.ClaimDueAsync(owner, maxOrders, leaseDuration, cancellationToken);

    public Task<IReadOnlyList<OrderLease>> ClaimTrackingAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        inner.ClaimTrackingAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);

    public Task<IReadOnlyList<LocalOrder>> ListUnresolvedAsync(CancellationToken cancellationToken) => inner.ListUnresolvedAsync(cancellationToken);

    public Task<LocalOrder> ResolveAsync(long orderId, long? providerOrderId, CancellationToken cancellationToken) => inner.ResolveAsync(orderId, providerOrderId, cancellationToken);

    public Task<IReadOnlyList<OrderEvent>> ReadPendingEventsAsync(int maxEvents, CancellationToken cancellationToken) => inner.ReadPendingEventsAsync(maxEvents, cancellationToken);

    public Task AckEventAsync(long sequence, CancellationToken cancellationToken) => inner.AckEventAsync(sequence, cancellationToken);

    public Task DeferEventAsync(long sequence, TimeSpan retryIn, CancellationToken cancellationToken) => inner.DeferEventAsync(sequence, retryIn, cancellationToken);

    public Task<LocalOrder> RequestCancelAsync(long orderId, CancellationToken cancellationToken) => inner.RequestCancelAsync(orderId, cancellationToken);

    public Task<IReadOnlyList<OrderLease>> ClaimCancelsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        inner.ClaimCancelsAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);

    public Task<bool> RecordCancelAsync(OrderCancelRecord record, CancellationToken cancellationToken) => inner.RecordCancelAsync(record, cancellationToken);

    public Task<LocalOrder> RequestRefillAsync(long orderId, CancellationToken cancellationToken) => inner.RequestRefillAsync(orderId, cancellationToken);

    public Task<IReadOnlyList<OrderLease>> ClaimRefillsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        inner.ClaimRefillsAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);

    public Task<bool> RecordRefillAsync(OrderRefillRecord record, CancellationToken cancellationToken) => inner.RecordRefillAsync(record, cancellationToken);

    public Task<OrderStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

    public Task<BalanceCheck> RecordBalanceAsync(string panel, Balance balance, decimal? lowThreshold, CancellationToken cancellationToken) =>
        inner.RecordBalanceAsync(panel, balance, lowThreshold, cancellationToken);
}
