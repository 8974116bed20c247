namespace Plugsmm.Orders.Tests;

/// <summary>
/// A store written against the first store contract: every member added since (cancels, refills, balances,
/// statistics, status batches) is the interface's default. Derived doubles add the members they have.
/// </summary>
internal class MinimalStore(IOrderStore inner) : IOrderStore
{
    protected IOrderStore Inner => inner;

    public Task<LocalOrder> AcceptAsync(NewOrder order, CancellationToken cancellationToken) => inner.AcceptAsync(order, cancellationToken);

    public Task<LocalOrder?> GetAsync(long orderId, CancellationToken cancellationToken) => inner.GetAsync(orderId, cancellationToken);

    public Task<LocalOrder?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) => inner.FindAsync(idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) => inner.ClaimDueAsync(owner, maxOrders, leaseDuration, cancellationToken);

    public Task<bool> TransitionAsync(OrderTransition transition, CancellationToken cancellationToken) => inner.TransitionAsync(transition, cancellationToken);

    public Task<IReadOnlyList<OrderLease>> ClaimTrackingAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) => inner.ClaimTrackingAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);

    public Task<bool> RecordStatusAsync(OrderStatusRecord record, CancellationToken cancellationToken) => inner.RecordStatusAsync(record, cancellationToken);

    public Task<IReadOnlyList<LocalOrder>> ListUnresolvedAsync(CancellationToken cancellationToken) => inner.ListUnresolvedAsync(cancellationToken);

    public Task<LocalOrder> ResolveAsync(long orderId, long? providerOrderId, CancellationToken cancellationToken) => inner.ResolveAsync(orderId, providerOrderId, cancellationToken);

    public Task<IReadOnlyList<OrderEvent>> ReadPendingEventsAsync(int maxEvents, CancellationToken cancellationToken) => inner.ReadPendingEventsAsync(maxEvents, cancellationToken);

    public Task AckEventAsync(long sequence, CancellationToken cancellationToken) => inner.AckEventAsync(sequence, cancellationToken);

    public Task DeferEventAsync(long sequence, TimeSpan retryIn, CancellationToken cancellationToken) => inner.DeferEventAsync(sequence, retryIn, cancellationToken);
}
