using Microsoft.Data.Sqlite;

namespace Plugsmm.Orders;

/// <summary>
/// The default <see cref="IOrderStore"/>: one SQLite file in WAL mode, a busy timeout for a second process on the same
/// file, versioned idempotent migrations on first use, and every write in one immediate transaction. Times come from
/// the store's <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SqliteOrderStore : IOrderStore
{
    /// <summary>How long a connection waits for another writer's lock, in milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    /// <summary>The reason of an order waiting in its link's queue behind an earlier order on the same panel and link.</summary>
    internal const string QueuedBehindLink = "queued_behind_link";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly Lock _migrateGate = new();
    private Task? _migration;

    /// <summary>A store over a database file (created when missing).</summary>
    /// <param name="path">The file.</param>
    /// <param name="timeProvider">The store's clock (leases, due times, event times); the system clock by default.</param>
    public SqliteOrderStore(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task<LocalOrder> AcceptAsync(NewOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        if (await ReadOrderAsync(connection, "idempotency_key = $key", order.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return SameOrder(existing, order) ? existing : throw new IdempotencyConflictException(order.IdempotencyKey);
        }

        var now = Now();
        long id;
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO orders (idempotency_key, panel, service_id, link, quantity, price, state, next_poll_at, created_at, updated_at)
                VALUES ($key, $panel, $service, $link, $quantity, $price, $state, $now, $now, $now) RETURNING id;
                """;
            insert.Add("$key", order.IdempotencyKey);
            insert.Add("$panel", order.Panel);
            insert.Add("$service", order.ServiceId);
            insert.Add("$link", order.Link);
            insert.Add("$quantity", order.Quantity);
            insert.Add("$price", SqliteRows.Money(order.Price));
            insert.Add("$state", (int)LocalOrderState.Accepted);
            insert.Add("$now", now);
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await InsertEventAsync(connection, id, OrderEventKind.Accepted, LocalOrderState.Accepted, 0, null, 0m, null, now, cancellationToken).ConfigureAwait(false);
        await QueueBehindLinkAsync(connection, id, now, cancellationToken).ConfigureAwait(false);
        var accepted = await ReadOrderAsync(connection, "id = $key", id, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return accepted!;
    }

    /// <summary>
    /// An order accepted while its link has an order ahead of it on the panel waits (<see cref="QueuedBehindLink"/>,
    /// with its <see cref="OrderEventKind.Waiting"/> event) until that one is final: the claim skips it until then.
    /// </summary>
    private static async Task QueueBehindLinkAsync(SqliteConnection connection, long id, long now, CancellationToken cancellationToken)
    {
        using var queue = connection.CreateCommand();
        queue.CommandText = "UPDATE orders SET state = $state, reason = $reason, version = 1 WHERE id = $id AND EXISTS (SELECT 1 FROM orders o WHERE o.id = $id AND "
            + LinkBusy + ") RETURNING id;";
        queue.Add("$state", (int)LocalOrderState.Waiting);
        queue.Add("$reason", QueuedBehindLink);
        queue.Add("$id", id);
        if (await queue.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            await InsertEventAsync(connection, id, OrderEventKind.Waiting, LocalOrderState.Waiting, 1, null, 0m, QueuedBehindLink, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records a request on an order (a cancel or a refill: <paramref name="set"/> resets its columns) with its event,
    /// in the caller's transaction.
    /// </summary>
    /// <returns>The order as the request left it.</returns>
    private async Task<LocalOrder> WriteRequestAsync(SqliteConnection connection, LocalOrder order, string set, OrderEventKind kind, CancellationToken cancellationToken)
    {
        var now = Now();
        long version;
        using (var update = connection.CreateCommand())
        {
#pragma warning disable CA2100 // `set` is one of this class's constant clauses; the values are parameters.
            update.CommandText = "UPDATE orders SET " + set + ", version = version + 1, updated_at = $now WHERE id = $id RETURNING version;";
#pragma warning restore CA2100
            update.Add("$now", now);
            update.Add("$id", order.Id);
            version = (long)(await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await InsertEventAsync(connection, order.Id, kind, order.State, version, order.ProviderOrderId, 0m, null, now, cancellationToken).ConfigureAwait(false);
        return (await ReadOrderAsync(connection, "id = $key", order.Id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    public async Task<LocalOrder?> GetAsync(long orderId, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOrderAsync(connection, "id = $key", orderId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<LocalOrder?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOrderAsync(connection, "idempotency_key = $key", idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LocalOrder>> ListUnresolvedAsync(CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + SqliteRows.OrderColumns + " FROM orders WHERE state = $state ORDER BY updated_at, id;";
        command.Add("$state", (int)LocalOrderState.Unknown);
        return await ReadOrdersAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the migrations the file lacks (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many migrations ran.</returns>
    internal async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteSchema.MigrateAsync(connection, Now(), cancellationToken).ConfigureAwait(false);
    }

    private static bool SameOrder(LocalOrder existing, NewOrder order) =>
        string.Equals(existing.Panel, order.Panel, StringComparison.Ordinal)
        && existing.ServiceId == order.ServiceId
        && string.Equals(existing.Link, order.Link, StringComparison.Ordinal)
        && existing.Quantity == order.Quantity
        && existing.Price == order.Price;

    private static async Task<LocalOrder?> ReadOrderAsync(SqliteConnection connection, string where, object key, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // `where` is one of this class's constant conditions; the value is a parameter.
        command.CommandText = "SELECT " + SqliteRows.OrderColumns + " FROM orders WHERE " + where + ";";
#pragma warning restore CA2100
        command.Add("$key", key);
        var orders = await ReadOrdersAsync(command, cancellationToken).ConfigureAwait(false);
        return orders.Count == 0 ? null : orders[0];
    }

    private static async Task<List<LocalOrder>> ReadOrdersAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var orders = new List<LocalOrder>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            orders.Add(SqliteRows.ReadOrder(reader));
        }

        return orders;
    }

    private static Task InsertEventAsync(
        SqliteConnection connection, long orderId, OrderEventKind kind, LocalOrderState state, long version, long? providerOrderId, decimal refund, string? reason, long now, CancellationToken cancellationToken) =>
        InsertEventAsync(connection, orderId, kind, state, version, providerOrderId, refund, reason, now, null, null, cancellationToken);

    private static async Task InsertEventAsync(
        SqliteConnection connection,
        long orderId,
        OrderEventKind kind,
        LocalOrderState state,
        long version,
        long? providerOrderId,
        decimal refund,
        string? reason,
        long now,
        long? remains,
        string? providerStatus,
        CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO events (dedupe_key, order_id, kind, state, provider_order_id, refund_amount, reason, occurred_at, next_attempt_at, remains, provider_status)
            VALUES ($key, $order, $kind, $state, $provider, $refund, $reason, $now, $now, $remains, $status);
            """;
        insert.Add("$remains", remains);
        insert.Add("$status", providerStatus);
        insert.Add("$key", EventKeys.For(orderId, kind, version));
        insert.Add("$order", orderId);
        insert.Add("$kind", (int)kind);
        insert.Add("$state", (int)state);
        insert.Add("$provider", providerOrderId);
        insert.Add("$refund", SqliteRows.Money(refund));
        insert.Add("$reason", reason);
        insert.Add("$now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>An open connection to a migrated database.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Task migration;
        lock (_migrateGate)
        {
            // One migration per store, shared by every caller; a failed one is tried again by the next call.
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = MigrateAsync(CancellationToken.None);
            }

            migration = _migration;
        }

        await migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
