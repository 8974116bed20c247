namespace Plugsmm.Orders;

/// <summary>Refills on request: the request, claims of due refills per panel, and fenced refill steps with their events.</summary>
public sealed partial class SqliteOrderStore
{
    private const string RefillQuery = "SELECT " + SqliteRows.OrderColumns + """
         FROM orders o
        WHERE o.panel = $panel AND o.state = 6 AND o.provider_order_id IS NOT NULL
          AND (o.refill_state = 1 OR (o.refill_state IN (0, 2) AND COALESCE(o.refill_due_at, 0) <= $now))
          AND (o.lease_expires_at IS NULL OR o.lease_expires_at <= $now)
        ORDER BY o.refill_due_at, o.id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async Task<LocalOrder> RequestRefillAsync(long orderId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var order = await ReadOrderAsync(connection, "id = $key", orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No order {orderId}.");
        if (order.State != LocalOrderState.Completed || order.ProviderOrderId is null)
        {
            throw new InvalidOperationException($"Order {orderId} is {order.State}: only a completed order can be refilled.");
        }

        if (order.Refill is RefillRequestState.Requested or RefillRequestState.Sending or RefillRequestState.Pending)
        {
            return order;
        }

        var requested = await WriteRequestAsync(connection, order, "refill_state = 0, refill_id = NULL, refill_reason = NULL, refill_status = NULL, refill_polls = 0, refill_due_at = $now", OrderEventKind.RefillRequested, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return requested;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrderLease>> ClaimRefillsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ClaimForPanelAsync(RefillQuery, owner, panel, maxOrders, leaseDuration, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> RecordRefillAsync(OrderRefillRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var lease = record.Lease;
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var now = Now();
        long version;
        using (var update = connection.CreateCommand())
        {
            update.CommandText = $$"""
                UPDATE orders SET refill_state = $refill, refill_reason = $reason, refill_id = COALESCE($refillId, refill_id),
                       refill_status = COALESCE($status, refill_status), refill_polls = $polls, refill_due_at = $due, version = version + 1,
                       {{LeaseSet}}, updated_at = $now
                 WHERE id = $id AND fence = $fence AND lease_owner = $owner AND state = 6 AND {{LeaseKept}}
                RETURNING version;
                """;
            update.Add("$refill", (int)record.Refill);
            update.Add("$reason", record.Reason);
            update.Add("$refillId", record.RefillId);
            update.Add("$status", record.ProviderStatus);
            update.Add("$polls", record.Polls);
            update.Add("$due", now + (long)(record.DueIn ?? TimeSpan.Zero).TotalMilliseconds);
            AddLeaseKeeping(update, lease, record.KeepLease, now);
            update.Add("$id", lease.Order.Id);
            update.Add("$fence", lease.Fence);
            update.Add("$owner", lease.Owner);
            if (await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long written)
            {
                return false;
            }

            version = written;
        }

        if (record.Event is { } kind)
        {
            await InsertEventAsync(
                connection, lease.Order.Id, kind, LocalOrderState.Completed, version, lease.Order.ProviderOrderId, 0m, record.Reason, now, null, record.ProviderStatus, cancellationToken).ConfigureAwait(false);
            using var refillId = connection.CreateCommand();
            refillId.CommandText = "UPDATE events SET refill_id = (SELECT refill_id FROM orders WHERE id = $id) WHERE seq = last_insert_rowid();";
            refillId.Add("$id", lease.Order.Id);
            await refillId.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return true;
    }
}
