namespace Plugsmm.Orders;

/// <summary>Cancel on request: the request, claims of due cancels per panel, and fenced cancel steps with their events.</summary>
public sealed partial class SqliteOrderStore
{
    private const string CancelQuery = "SELECT " + SqliteRows.OrderColumns + """
         FROM orders o
        WHERE o.panel = $panel AND o.state = 3 AND o.provider_order_id IS NOT NULL
          AND (o.cancel_state = 1 OR (o.cancel_state = 0 AND COALESCE(o.cancel_due_at, 0) <= $now))
          AND (o.lease_expires_at IS NULL OR o.lease_expires_at <= $now)
        ORDER BY o.id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async Task<LocalOrder> RequestCancelAsync(long orderId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var order = await ReadOrderAsync(connection, "id = $key", orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No order {orderId}.");
        if (order.State != LocalOrderState.Placed || order.ProviderOrderId is null)
        {
            throw new InvalidOperationException($"Order {orderId} is {order.State}: only a placed order the panel has not finished can be canceled.");
        }

        if (order.Cancel is CancelState.Requested or CancelState.Sending or CancelState.Accepted or CancelState.Unknown)
        {
            return order;
        }

        var requested = await WriteRequestAsync(connection, order, "cancel_state = 0, cancel_reason = NULL, cancel_due_at = $now", OrderEventKind.CancelRequested, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return requested;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrderLease>> ClaimCancelsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ClaimForPanelAsync(CancelQuery, owner, panel, maxOrders, leaseDuration, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> RecordCancelAsync(OrderCancelRecord record, CancellationToken cancellationToken)
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
                UPDATE orders SET cancel_state = $cancel, cancel_reason = $reason, cancel_due_at = $due, version = version + 1,
                       next_poll_at = CASE WHEN $pollNow THEN $now ELSE next_poll_at END,
                       {{LeaseSet}}, updated_at = $now
                 WHERE id = $id AND fence = $fence AND lease_owner = $owner AND state = 3 AND {{LeaseKept}}
                RETURNING version;
                """;
            update.Add("$cancel", (int)record.Cancel);
            update.Add("$reason", record.Reason);
            update.Add("$due", now + (long)(record.RetryIn ?? TimeSpan.Zero).TotalMilliseconds);
            update.Add("$pollNow", record.PollNow);
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
            await InsertEventAsync(connection, lease.Order.Id, kind, LocalOrderState.Placed, version, lease.Order.ProviderOrderId, 0m, record.Reason, now, cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return true;
    }
}
