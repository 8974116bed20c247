using System.Globalization;

namespace Plugsmm.Orders;

/// <summary>The operator's side of the resolution queue.</summary>
public sealed partial class SqliteOrderStore
{
    /// <inheritdoc/>
    public async Task<LocalOrder> ResolveAsync(long orderId, long? providerOrderId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var order = await ReadOrderAsync(connection, "id = $key", orderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no order {orderId}."));
        if (order.State != LocalOrderState.Unknown)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Order {orderId} is {order.State}, not in the resolution queue: nothing to resolve."));
        }

        if (providerOrderId is { } provider)
        {
            using var taken = connection.CreateCommand();
            taken.CommandText = "SELECT id FROM orders WHERE panel = $panel AND provider_order_id = $provider AND id <> $id LIMIT 1;";
            taken.Add("$panel", order.Panel);
            taken.Add("$provider", provider);
            taken.Add("$id", orderId);
            if (await taken.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long other)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The panel's order {provider} is already recorded as order {other}: check the panel again."));
            }
        }

        var now = Now();
        var (state, kind, reason) = providerOrderId is null
            ? (LocalOrderState.Accepted, OrderEventKind.Requeued, "resolved_not_placed")
            : (LocalOrderState.Placed, OrderEventKind.Placed, "resolved_placed");
        long version;
        using (var update = connection.CreateCommand())
        {
            update.CommandText = """
                UPDATE orders SET state = $state, version = version + 1, reason = $reason, provider_order_id = $provider,
                       fence = fence + 1, lease_owner = NULL, lease_expires_at = NULL, next_poll_at = $now, updated_at = $now,
                       placed_at = CASE WHEN $provider IS NULL THEN placed_at ELSE $now END
                 WHERE id = $id AND state = $unknown
                RETURNING version;
                """;
            update.Add("$state", (int)state);
            update.Add("$reason", reason);
            update.Add("$provider", providerOrderId);
            update.Add("$now", now);
            update.Add("$id", orderId);
            update.Add("$unknown", (int)LocalOrderState.Unknown);
            version = (long)(await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await InsertEventAsync(connection, orderId, kind, state, version, providerOrderId, 0m, reason, now, cancellationToken).ConfigureAwait(false);
        var resolved = await ReadOrderAsync(connection, "id = $key", orderId, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return resolved!;
    }
}
