using Microsoft.Data.Sqlite;

namespace Plugsmm.Orders;

/// <summary>Tracking: claims of due tracked orders per panel, and status records with their refunds and events.</summary>
public sealed partial class SqliteOrderStore
{
    /// <summary>The reason of a cancel that ended because its order ended first.</summary>
    internal const string OrderFinished = "order_finished";

    /// <summary>The most orders one tracking claim takes: one <c>status</c> request.</summary>
    private const int MaxTrackingBatch = 100;

    private const string TrackingQuery = "SELECT " + SqliteRows.OrderColumns + """
         FROM orders o
        WHERE o.panel = $panel AND o.state = 3 AND o.provider_order_id IS NOT NULL
          AND COALESCE(o.next_poll_at, 0) <= $now
          AND (o.lease_expires_at IS NULL OR o.lease_expires_at <= $now)
        ORDER BY o.next_poll_at, o.id
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrderLease>> ClaimTrackingAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ClaimForPanelAsync(TrackingQuery, owner, panel, maxOrders, leaseDuration, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> RecordStatusAsync(OrderStatusRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await RecordStatusesAsync([record], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<bool>> RecordStatusesAsync(IReadOnlyList<OrderStatusRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var written = new bool[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            written[i] = await WriteStatusAsync(connection, records[i] ?? throw new ArgumentException("A record is null.", nameof(records)), cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return written;
    }

    /// <summary>One record, in the caller's transaction: nothing when its fence is stale or the order is no longer tracked.</summary>
    private async Task<bool> WriteStatusAsync(SqliteConnection connection, OrderStatusRecord record, CancellationToken cancellationToken)
    {
        var lease = record.Lease;
        decimal price, refunded;
        long? providerOrderId;
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT price, refunded_amount, provider_order_id FROM orders WHERE id = $id AND fence = $fence AND lease_owner = $owner AND state = $tracked;";
            check.Add("$id", lease.Order.Id);
            check.Add("$fence", lease.Fence);
            check.Add("$owner", lease.Owner);
            check.Add("$tracked", (int)LocalOrderState.Placed);
            using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            price = SqliteRows.Money(reader.GetString(0));
            refunded = SqliteRows.Money(reader.GetString(1));
            providerOrderId = reader.IsDBNull(2) ? null : reader.GetInt64(2);
        }

        var now = Now();
        var refund = Math.Max(0m, Math.Min(record.Refund, price - refunded));
        long version;
        using (var update = connection.CreateCommand())
        {
            update.CommandText = """
                UPDATE orders SET state = $state, version = version + 1, reason = $reason, refunded_amount = $refunded,
                       provider_status = COALESCE($status, provider_status), start_count = COALESCE($start, start_count),
                       remains = COALESCE($remains, remains), provider_charge = COALESCE($charge, provider_charge),
                       polls = $polls, next_poll_at = $due, lease_owner = NULL, lease_expires_at = NULL, updated_at = $now
                 WHERE id = $id AND fence = $fence
                RETURNING version;
                """;
            update.Add("$state", (int)record.State);
            update.Add("$reason", record.Reason);
            update.Add("$refunded", SqliteRows.Money(refunded + refund));
            update.Add("$status", record.ProviderStatus);
            update.Add("$start", record.StartCount);
            update.Add("$remains", record.Remains);
            update.Add("$charge", record.ProviderCharge is { } charge ? SqliteRows.Money(charge) : null);
            update.Add("$polls", record.Polls);
            update.Add("$due", record.DueIn is { } due ? now + (long)due.TotalMilliseconds : null);
            update.Add("$now", now);
            update.Add("$id", lease.Order.Id);
            update.Add("$fence", lease.Fence);
            version = (long)(await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (record.Event is { } kind)
        {
            await InsertEventAsync(
                connection, lease.Order.Id, kind, record.State, version, providerOrderId, refund, record.Reason, now, record.Remains, record.ProviderStatus, cancellationToken).ConfigureAwait(false);
        }

        if (record.State != LocalOrderState.Placed)
        {
            await EndPendingCancelAsync(connection, lease.Order.Id, record.State, providerOrderId, now, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// A cancel still requested (or left being sent) when the order ended: it has nothing left to cancel. Accepted
    /// when the order ended canceled (its <see cref="OrderEventKind.Canceled"/> event says so), otherwise refused with
    /// reason <c>order_finished</c> and its <see cref="OrderEventKind.CancelRefused"/> event, so that the front end hears
    /// the end of every cancel it asked for.
    /// </summary>
    private static async Task EndPendingCancelAsync(SqliteConnection connection, long orderId, LocalOrderState state, long? providerOrderId, long now, CancellationToken cancellationToken)
    {
        var canceled = state == LocalOrderState.Canceled;
        using var end = connection.CreateCommand();
        end.CommandText = """
            UPDATE orders SET cancel_state = $cancel, cancel_reason = $reason, version = version + 1
             WHERE id = $id AND cancel_state IN ($requested, $sending)
            RETURNING version;
            """;
        end.Add("$cancel", (int)(canceled ? CancelState.Accepted : CancelState.Refused));
        end.Add("$reason", canceled ? null : OrderFinished);
        end.Add("$id", orderId);
        end.Add("$requested", (int)CancelState.Requested);
        end.Add("$sending", (int)CancelState.Sending);
        if (await end.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version && !canceled)
        {
            await InsertEventAsync(connection, orderId, OrderEventKind.CancelRefused, state, version, providerOrderId, 0m, OrderFinished, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
