namespace Plugsmm.Orders.Tests;

/// <summary>
/// A store that lets its process die at one <see cref="CrashPoint"/>, <see cref="TrackingCrashPoint"/>, <see cref="CancelCrashPoint"/> or <see cref="RefillCrashPoint"/>: after a write
/// (the write is durable) or before it (the write never happens). Once dead, every call throws.
/// </summary>
internal sealed class CrashingStore(IOrderStore inner, CrashPoint? point, ProcessCrash process, TrackingCrashPoint? tracking = null, CancelCrashPoint? cancel = null, RefillCrashPoint? refill = null) : IOrderStore
{
    private readonly Dictionary<long, OrderEventKind> _kinds = [];

    public async Task<LocalOrder> AcceptAsync(NewOrder order, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var accepted = await inner.AcceptAsync(order, cancellationToken);
        return point == CrashPoint.AfterAccept ? throw process.Die() : accepted;
    }

    public async Task<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var leases = await inner.ClaimDueAsync(owner, maxOrders, leaseDuration, cancellationToken);
        return point == CrashPoint.AfterClaim && leases.Count > 0 ? throw process.Die() : leases;
    }

    public async Task<bool> TransitionAsync(OrderTransition transition, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var placing = transition.State == LocalOrderState.Placing;
        if (point == CrashPoint.AfterAddBeforeRecording && !placing)
        {
            throw process.Die();
        }

        var written = await inner.TransitionAsync(transition, cancellationToken);
        return (point == CrashPoint.AfterMarkingPlacing && placing) || (point == CrashPoint.AfterRecording && !placing) ? throw process.Die() : written;
    }

    public async Task<IReadOnlyList<OrderLease>> ClaimTrackingAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var leases = await inner.ClaimTrackingAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);
        return tracking == TrackingCrashPoint.AfterTrackingClaim && leases.Count > 0 ? throw process.Die() : leases;
    }

    /// <summary>Dies before or after the first record of a final state (the crash points are about the final answer).</summary>
    public async Task<bool> RecordStatusAsync(OrderStatusRecord record, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var final = record.State != LocalOrderState.Placed;
        if (tracking == TrackingCrashPoint.AfterStatusBeforeRecording && final)
        {
            throw process.Die();
        }

        var written = await inner.RecordStatusAsync(record, cancellationToken);
        return tracking == TrackingCrashPoint.AfterStatusRecorded && final ? throw process.Die() : written;
    }

    /// <summary>The batch is one write: a crash before it writes none of its records, a crash after it all of them.</summary>
    public async Task<IReadOnlyList<bool>> RecordStatusesAsync(IReadOnlyList<OrderStatusRecord> records, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var final = records.Any(r => r.State != LocalOrderState.Placed);
        if (tracking == TrackingCrashPoint.AfterStatusBeforeRecording && final)
        {
            throw process.Die();
        }

        var written = await inner.RecordStatusesAsync(records, cancellationToken);
        return tracking == TrackingCrashPoint.AfterStatusRecorded && final ? throw process.Die() : written;
    }

    public async Task<IReadOnlyList<OrderEvent>> ReadPendingEventsAsync(int maxEvents, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var events = await inner.ReadPendingEventsAsync(maxEvents, cancellationToken);
        foreach (var e in events)
        {
            _kinds[e.Sequence] = e.Kind;
        }

        return events;
    }

    public Task AckEventAsync(long sequence, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return point == CrashPoint.AfterHandlerBeforeAck && _kinds[sequence] != OrderEventKind.Accepted
            ? throw process.Die()
            : inner.AckEventAsync(sequence, cancellationToken);
    }

    public Task DeferEventAsync(long sequence, TimeSpan retryIn, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.DeferEventAsync(sequence, retryIn, cancellationToken);
    }

    public Task<LocalOrder?> GetAsync(long orderId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.GetAsync(orderId, cancellationToken);
    }

    public Task<LocalOrder?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.FindAsync(idempotencyKey, cancellationToken);
    }

    public Task<IReadOnlyList<LocalOrder>> ListUnresolvedAsync(CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.ListUnresolvedAsync(cancellationToken);
    }

    public Task<LocalOrder> ResolveAsync(long orderId, long? providerOrderId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.ResolveAsync(orderId, providerOrderId, cancellationToken);
    }

    public async Task<LocalOrder> RequestCancelAsync(long orderId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var order = await inner.RequestCancelAsync(orderId, cancellationToken);
        return cancel == CancelCrashPoint.AfterCancelRequested ? throw process.Die() : order;
    }

    public async Task<IReadOnlyList<OrderLease>> ClaimCancelsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var leases = await inner.ClaimCancelsAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);
        return cancel == CancelCrashPoint.AfterCancelClaim && leases.Count > 0 ? throw process.Die() : leases;
    }

    public async Task<bool> RecordCancelAsync(OrderCancelRecord record, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var sending = record.Cancel == CancelState.Sending;
        if (cancel == CancelCrashPoint.AfterCancelAnsweredBeforeRecording && !sending)
        {
            throw process.Die();
        }

        var written = await inner.RecordCancelAsync(record, cancellationToken);
        return (cancel == CancelCrashPoint.AfterMarkingSending && sending) || (cancel == CancelCrashPoint.AfterCancelRecorded && !sending) ? throw process.Die() : written;
    }

    public async Task<LocalOrder> RequestRefillAsync(long orderId, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var order = await inner.RequestRefillAsync(orderId, cancellationToken);
        return refill == RefillCrashPoint.AfterRefillRequested ? throw process.Die() : order;
    }

    public async Task<IReadOnlyList<OrderLease>> ClaimRefillsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var leases = await inner.ClaimRefillsAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);
        return refill == RefillCrashPoint.AfterRefillClaim && leases.Count > 0 ? throw process.Die() : leases;
    }

    /// <summary>Dies around the first refill step of each kind: marking it sent, recording the <c>refill</c> answer, recording its end.</summary>
    public async Task<bool> RecordRefillAsync(OrderRefillRecord record, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        var sending = record.Refill == RefillRequestState.Sending;
        var answer = record.Event is OrderEventKind.RefillAccepted or OrderEventKind.RefillRefused or OrderEventKind.RefillUnknown;
        var end = record.Event is OrderEventKind.RefillCompleted;
        if ((refill == RefillCrashPoint.AfterRefillAnsweredBeforeRecording && answer) || (refill == RefillCrashPoint.AfterRefillStatusBeforeRecording && end))
        {
            throw process.Die();
        }

        var written = await inner.RecordRefillAsync(record, cancellationToken);
        return (refill == RefillCrashPoint.AfterMarkingRefillSending && sending) || (refill == RefillCrashPoint.AfterRefillRecorded && answer) ? throw process.Die() : written;
    }

    public Task<BalanceCheck> RecordBalanceAsync(string panel, Plugsmm.Client.Balance balance, decimal? lowThreshold, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return inner.RecordBalanceAsync(panel, balance, lowThreshold, cancellationToken);
    }
}
