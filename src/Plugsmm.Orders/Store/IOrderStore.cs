using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// Everything durable the order engine needs, made for several hosts over one database: work is claimed in batches
/// under leases with fencing tokens, and every write under a lease names its fence; a transition and its event are
/// written in one transaction (the outbox). Times (lease expiry, due times) come from the store's clock, never the
/// caller's. <see cref="SqliteOrderStore"/> is the default; any store passes the contract tests
/// (<c>OrderStoreContract</c> in the test project). Stores prepare their schema on first use.
/// </summary>
/// <remarks>
/// An interface, as <c>IPlugsmmClient</c> is: members added later get default implementations so that existing
/// stores keep compiling.
/// </remarks>
public interface IOrderStore
{
    /// <summary>
    /// Accepts an order and enqueues its <see cref="OrderEventKind.Accepted"/> event, or returns the order accepted
    /// before under the same key. An order whose link has an order ahead of it (as <see cref="ClaimDueAsync"/> reads
    /// it) is stored <see cref="LocalOrderState.Waiting"/> with reason <c>queued_behind_link</c> and a
    /// <see cref="OrderEventKind.Waiting"/> event.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored order: new, or the one accepted before with the same key.</returns>
    /// <exception cref="IdempotencyConflictException">The key was accepted before with a different order.</exception>
    Task<LocalOrder> AcceptAsync(NewOrder order, CancellationToken cancellationToken);

    /// <summary>An order by its id.</summary>
    /// <param name="orderId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, or null.</returns>
    Task<LocalOrder?> GetAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>An order by its idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, or null.</returns>
    Task<LocalOrder?> FindAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxOrders"/> orders due for work, whose lease is free or expired: accepted or waiting
    /// orders due now first in their link's queue (no other order on the same panel and link placing, placed, unknown,
    /// or accepted earlier and not placed yet; at most one per link per batch), and orders left in
    /// <see cref="LocalOrderState.Placing"/> by an expired lease. Each claim sets the owner,
    /// an expiry of now plus <paramref name="leaseDuration"/> and increments the fence.
    /// </summary>
    /// <param name="owner">The claiming engine.</param>
    /// <param name="maxOrders">The batch size.</param>
    /// <param name="leaseDuration">How long the leases last: longer than a client call's total timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leases, earliest due first.</returns>
    Task<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a transition and enqueues its event in one transaction, only while the lease's owner and fence are the
    /// order's current ones.
    /// </summary>
    /// <param name="transition">The transition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when written; false when the fence is stale (the lease was lost): nothing was written.</returns>
    Task<bool> TransitionAsync(OrderTransition transition, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxOrders"/> (at most 100: one status request) tracked orders of one panel
    /// (<see cref="LocalOrderState.Placed"/>, with a panel order id) whose next poll is due and whose lease is free or
    /// expired, earliest due first. Each claim sets the owner, an expiry of now plus <paramref name="leaseDuration"/>
    /// and increments the fence.
    /// </summary>
    /// <param name="owner">The claiming engine.</param>
    /// <param name="panel">The panel's client name.</param>
    /// <param name="maxOrders">The batch size, 1 to 100.</param>
    /// <param name="leaseDuration">How long the leases last.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leases, earliest due first.</returns>
    Task<IReadOnlyList<OrderLease>> ClaimTrackingAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what a status poll found (snapshot, state, refund, next poll) and enqueues its event in one transaction,
    /// only while the lease's owner and fence are the order's current ones and the order is tracked. The refund is
    /// added to the refunded amount, capped so that the total never exceeds the price; the event reports the amount
    /// added. The lease is released.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when written; false when the fence is stale or the order is no longer tracked: nothing was written.</returns>
    Task<bool> RecordStatusAsync(OrderStatusRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the records of one tracking batch, each as <see cref="RecordStatusAsync"/> would (under its own fence,
    /// with its refund and event), in as few transactions as the store can: SQLite writes a batch in one. A record
    /// whose fence is stale is skipped, not the batch.
    /// </summary>
    /// <param name="records">The batch's records.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>For each record, in order, whether it was written.</returns>
    async Task<IReadOnlyList<bool>> RecordStatusesAsync(IReadOnlyList<OrderStatusRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var written = new bool[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            written[i] = await RecordStatusAsync(records[i], cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>The resolution queue: orders whose <c>add</c> may have reached the panel, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders in <see cref="LocalOrderState.Unknown"/>.</returns>
    Task<IReadOnlyList<LocalOrder>> ListUnresolvedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Resolves an order of the resolution queue: placed as <paramref name="providerOrderId"/>, or, when it is null,
    /// not placed (accepted again, due now); an order resolved as placed is tracked, its first poll due now. Increments the fence, so no earlier lease can write over it, and
    /// enqueues the event (<see cref="OrderEventKind.Placed"/> or <see cref="OrderEventKind.Requeued"/>).
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="providerOrderId">The panel's id of the order, or null for "not placed".</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order after the resolution.</returns>
    /// <exception cref="InvalidOperationException">No such order, or it is not in the resolution queue.</exception>
    Task<LocalOrder> ResolveAsync(long orderId, long? providerOrderId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxEvents"/> undelivered events due for delivery, in outbox order, each the earliest
    /// undelivered event of its order (so one order's events are delivered in order).
    /// </summary>
    /// <param name="maxEvents">The batch size.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<OrderEvent>> ReadPendingEventsAsync(int maxEvents, CancellationToken cancellationToken);

    /// <summary>Marks an event delivered (after the handler returned). Acknowledging twice is harmless.</summary>
    /// <param name="sequence">The event's <see cref="OrderEvent.Sequence"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task AckEventAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Counts a failed delivery and makes the event due again after <paramref name="retryIn"/> on the store's clock.</summary>
    /// <param name="sequence">The event's <see cref="OrderEvent.Sequence"/>.</param>
    /// <param name="retryIn">The wait before the next delivery.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task DeferEventAsync(long sequence, TimeSpan retryIn, CancellationToken cancellationToken);

    /// <summary>
    /// Records a cancel request for a tracked order (<see cref="LocalOrderState.Placed"/>, with a panel order id) and
    /// enqueues its <see cref="OrderEventKind.CancelRequested"/> event in one transaction. A cancel already requested,
    /// being sent, accepted or unknown is left as it is (the order is returned, no event); a refused one may be requested again.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order after the request.</returns>
    /// <exception cref="InvalidOperationException">No such order, or it is not tracked (not placed yet, or final).</exception>
    Task<LocalOrder> RequestCancelAsync(long orderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support cancel on request.");

    /// <summary>
    /// Claims up to <paramref name="maxOrders"/> (at most 100: one <c>cancel</c> request) tracked orders of one panel
    /// whose cancel is <see cref="CancelState.Requested"/> and due, or <see cref="CancelState.Sending"/> (its lease
    /// expired), whose lease is free or expired. Each claim sets the owner and expiry and increments the fence.
    /// </summary>
    /// <param name="owner">The claiming engine.</param>
    /// <param name="panel">The panel's client name.</param>
    /// <param name="maxOrders">The batch size, 1 to 100.</param>
    /// <param name="leaseDuration">How long the leases last.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leases.</returns>
    Task<IReadOnlyList<OrderLease>> ClaimCancelsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support cancel on request.");

    /// <summary>
    /// Writes a cancel step and enqueues its event in one transaction, only while the lease's owner and fence are the
    /// order's current ones and the order is tracked.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when written; false when the fence is stale or the order is no longer tracked: nothing was written.</returns>
    Task<bool> RecordCancelAsync(OrderCancelRecord record, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support cancel on request.");

    /// <summary>
    /// Records a refill request for a <see cref="LocalOrderState.Completed"/> order and enqueues its
    /// <see cref="OrderEventKind.RefillRequested"/> event in one transaction. A refill requested, being sent or pending
    /// is left as it is (the order is returned, no event); after one ended (completed, refused, unknown) a new one may be requested.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order after the request.</returns>
    /// <exception cref="InvalidOperationException">No such order, or it is not completed.</exception>
    Task<LocalOrder> RequestRefillAsync(long orderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support refills.");

    /// <summary>
    /// Claims up to <paramref name="maxOrders"/> (at most 100) completed orders of one panel whose refill is due:
    /// requested or pending (its next send or poll due), or being sent (its lease expired); whose lease is free or
    /// expired. Each claim sets the owner and expiry and increments the fence.
    /// </summary>
    /// <param name="owner">The claiming engine.</param>
    /// <param name="panel">The panel's client name.</param>
    /// <param name="maxOrders">The batch size, 1 to 100.</param>
    /// <param name="leaseDuration">How long the leases last.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leases.</returns>
    Task<IReadOnlyList<OrderLease>> ClaimRefillsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support refills.");

    /// <summary>
    /// Writes a refill step and enqueues its event in one transaction, only while the lease's owner and fence are the
    /// order's current ones and the order is completed.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when written; false when the fence is stale: nothing was written.</returns>
    Task<bool> RecordRefillAsync(OrderRefillRecord record, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support refills.");

    /// <summary>
    /// Records a balance check of a panel in one transaction: the balance; when it crossed below
    /// <paramref name="lowThreshold"/> since the last check, a <see cref="OrderEventKind.LowBalance"/> event (once per
    /// crossing, however many checks stay below), when it crossed back, a <see cref="OrderEventKind.BalanceRestored"/>
    /// event; and when it rose since the last check (a top-up), every order of the panel waiting for funds
    /// (<see cref="LocalOrderState.Waiting"/>, reason <c>insufficient_funds</c>) made due now.
    /// </summary>
    /// <param name="panel">The panel's client name.</param>
    /// <param name="balance">What the panel's <c>balance</c> answered.</param>
    /// <param name="lowThreshold">The alert threshold; null for no alerts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the check did.</returns>
    Task<BalanceCheck> RecordBalanceAsync(string panel, Balance balance, decimal? lowThreshold, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not support balance checks.");

    /// <summary>
    /// What the store holds now, for the engine's metrics: per panel, the orders not final by state, when the
    /// resolution queue's oldest order got there, and the earliest next poll of a tracked order. The engine reads it
    /// from its loop, at most every few seconds, never from a metrics callback.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics, on the store's clock.</returns>
    Task<OrderStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store does not report statistics.");
}
