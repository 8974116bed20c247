using Microsoft.Data.Sqlite;

namespace Plugsmm.Orders;

/// <summary>Claims under leases with fencing tokens, and fenced transitions with their events.</summary>
public sealed partial class SqliteOrderStore
{
    /// <summary>
    /// Due accepted/waiting orders first in their link's queue (see <see cref="LinkBusy"/>), and placing orders (only
    /// ever claimed once their lease expired: the engine sends them to the resolution queue); every lease free or expired.
    /// </summary>
    private const string ClaimQuery = "SELECT " + SqliteRows.OrderColumns + """
         FROM orders o
        WHERE (o.lease_expires_at IS NULL OR o.lease_expires_at <= $now)
          AND (o.state = 2 OR (o.state IN (0, 1) AND o.next_poll_at <= $now AND NOT
        """ + " " + LinkBusy + """
        ))
        ORDER BY o.next_poll_at, o.id
        LIMIT $limit;
        """;

    /// <summary>
    /// The same-link queue: order <c>o</c>'s link on its panel has an order ahead of it: one placing, placed (not
    /// final yet) or unknown, or an older one still to be placed. A panel takes one active order per link.
    /// </summary>
    private const string LinkBusy = """
        EXISTS (SELECT 1 FROM orders b
                 WHERE b.panel = o.panel AND b.link = o.link AND b.id <> o.id
                   AND (b.state IN (2, 3, 4) OR (b.state IN (0, 1) AND b.id < o.id)))
        """;

    /// <summary>
    /// A write that keeps its lease (the engine goes on to send a request under it) renews the lease for its full
    /// length from now, and is refused once the lease ran out: another host may have claimed the order since, so
    /// nothing may be sent under it. With <see cref="LeaseKept"/> in the WHERE clause; <see cref="AddLeaseKeeping"/>
    /// binds <c>$keep</c>, <c>$now</c> and <c>$leaseLength</c>.
    /// </summary>
    private const string LeaseSet = "lease_owner = CASE WHEN $keep THEN lease_owner END, lease_expires_at = CASE WHEN $keep THEN $now + $leaseLength END";

    /// <summary>The condition a write keeping its lease needs: the lease still runs.</summary>
    private const string LeaseKept = "(NOT $keep OR lease_expires_at > $now)";

    private static void AddLeaseKeeping(SqliteCommand command, OrderLease lease, bool keep, long now)
    {
        command.Add("$keep", keep);
        command.Add("$now", now);
        command.Add("$leaseLength", (long)(lease.ExpiresAt - lease.ClaimedAt).TotalMilliseconds);
    }

    /// <summary>
    /// Up to <paramref name="maxOrders"/> orders of one panel that <paramref name="query"/> finds due (it binds
    /// <c>$panel</c>, <c>$now</c> and <c>$limit</c>), each leased to <paramref name="owner"/> with a new fencing token, in
    /// one transaction: the claim of tracking, cancel and refill work alike.
    /// </summary>
    private async Task<IReadOnlyList<OrderLease>> ClaimForPanelAsync(string query, string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOrders);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOrders, MaxTrackingBatch);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var now = Now();
        var expires = now + (long)leaseDuration.TotalMilliseconds;
        List<LocalOrder> due;
        using (var select = connection.CreateCommand())
        {
            select.CommandText = query;
            select.Add("$panel", panel);
            select.Add("$now", now);
            select.Add("$limit", maxOrders);
            due = await ReadOrdersAsync(select, cancellationToken).ConfigureAwait(false);
        }

        var leases = new List<OrderLease>(due.Count);
        foreach (var order in due)
        {
            leases.Add(await LeaseAsync(connection, order, owner, now, expires, cancellationToken).ConfigureAwait(false));
        }

        transaction.Commit();
        return leases;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OrderLease>> ClaimDueAsync(string owner, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOrders);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var now = Now();
        var expires = now + (long)leaseDuration.TotalMilliseconds;
        List<LocalOrder> candidates;
        using (var select = connection.CreateCommand())
        {
            select.CommandText = ClaimQuery;
            select.Add("$now", now);
            select.Add("$limit", maxOrders);
            candidates = await ReadOrdersAsync(select, cancellationToken).ConfigureAwait(false);
        }

        var leases = new List<OrderLease>(candidates.Count);
        var links = new HashSet<(string, string)>();
        foreach (var order in candidates)
        {
            // One order per panel and link a batch: a second would only meet the panel's "active order".
            if (order.State != LocalOrderState.Placing && !links.Add((order.Panel, order.Link)))
            {
                continue;
            }

            leases.Add(await LeaseAsync(connection, order, owner, now, expires, cancellationToken).ConfigureAwait(false));
        }

        transaction.Commit();
        return leases;
    }

    /// <inheritdoc/>
    public async Task<bool> TransitionAsync(OrderTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var lease = transition.Lease;
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        decimal price, refunded;
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT price, refunded_amount FROM orders WHERE id = $id AND fence = $fence AND lease_owner = $owner AND " + LeaseKept + ";";
            check.Add("$id", lease.Order.Id);
            check.Add("$fence", lease.Fence);
            check.Add("$owner", lease.Owner);
            AddLeaseKeeping(check, lease, transition.KeepLease, Now());
            using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            price = SqliteRows.Money(reader.GetString(0));
            refunded = SqliteRows.Money(reader.GetString(1));
        }

        var now = Now();
        var refund = Math.Min(Math.Max(transition.Refund, 0m), price - refunded);
        long version;
        using (var update = connection.CreateCommand())
        {
            update.CommandText = $$"""
                UPDATE orders SET state = $state, version = version + 1, attempts = $attempts, reason = $reason,
                       provider_order_id = COALESCE($provider, provider_order_id),
                       placed_at = CASE WHEN $state = 3 THEN COALESCE(placed_at, $now) ELSE placed_at END, refunded_amount = $refunded, next_poll_at = $due,
                       {{LeaseSet}}, updated_at = $now
                 WHERE id = $id AND fence = $fence
                RETURNING version;
                """;
            update.Add("$state", (int)transition.State);
            update.Add("$attempts", transition.Attempts);
            update.Add("$reason", transition.Reason);
            update.Add("$provider", transition.ProviderOrderId);
            update.Add("$refunded", SqliteRows.Money(refunded + refund));
            update.Add("$due", transition.DueIn is { } due ? now + (long)due.TotalMilliseconds : null);
            AddLeaseKeeping(update, lease, transition.KeepLease, now);
            update.Add("$id", lease.Order.Id);
            update.Add("$fence", lease.Fence);
            version = (long)(await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (transition.Event is { } kind)
        {
            var provider = transition.ProviderOrderId ?? lease.Order.ProviderOrderId;
            await InsertEventAsync(connection, lease.Order.Id, kind, transition.State, version, provider, refund, transition.Reason, now, cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Takes the lease of one order in the claim's transaction: owner, expiry, the fence incremented.</summary>
    private static async Task<OrderLease> LeaseAsync(SqliteConnection connection, LocalOrder order, string owner, long now, long expires, CancellationToken cancellationToken)
    {
        using var claim = connection.CreateCommand();
        claim.CommandText = "UPDATE orders SET lease_owner = $owner, lease_expires_at = $expires, fence = fence + 1 WHERE id = $id RETURNING fence;";
        claim.Add("$owner", owner);
        claim.Add("$expires", expires);
        claim.Add("$id", order.Id);
        var fence = (long)(await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new OrderLease { Order = order, Owner = owner, Fence = fence, ClaimedAt = SqliteRows.Time(now), ExpiresAt = SqliteRows.Time(expires) };
    }
}
