using Microsoft.Data.Sqlite;

namespace Plugsmm.Orders;

/// <summary>
/// The SQLite schema, as numbered migrations recorded in <c>schema_version</c>: each runs once, in one transaction with
/// its version row, so migrating again (or from two processes at once) is a no-op. Append migrations; never edit one
/// that shipped.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Version 1: orders (with the columns tracking and refunds will use) and the outbox.</summary>
    private const string V1 = """
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            panel TEXT NOT NULL,
            service_id INTEGER NOT NULL,
            link TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            price TEXT NOT NULL,
            state INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            reason TEXT NULL,
            provider_order_id INTEGER NULL,
            provider_charge TEXT NULL,
            provider_status TEXT NULL,
            remains INTEGER NULL,
            refunded_amount TEXT NOT NULL DEFAULT '0',
            next_poll_at INTEGER NULL,
            lease_owner TEXT NULL,
            lease_expires_at INTEGER NULL,
            fence INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX ix_orders_due ON orders (state, next_poll_at);
        CREATE INDEX ix_orders_target ON orders (panel, service_id, link, state);
        CREATE INDEX ix_orders_provider ON orders (panel, provider_order_id);
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            dedupe_key TEXT NOT NULL UNIQUE,
            order_id INTEGER NOT NULL REFERENCES orders (id),
            kind INTEGER NOT NULL,
            state INTEGER NOT NULL,
            provider_order_id INTEGER NULL,
            refund_amount TEXT NOT NULL DEFAULT '0',
            reason TEXT NULL,
            occurred_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER NULL);
        CREATE INDEX ix_events_order ON events (order_id, delivered_at);
        CREATE INDEX ix_events_pending ON events (next_attempt_at) WHERE delivered_at IS NULL;
        """;

    /// <summary>
    /// Version 2: tracking. The order's start count, placement time and poll count; the events' remains and status
    /// word. Orders placed before it are tracked from now on (placement time: their last change).
    /// </summary>
    private const string V2 = """
        ALTER TABLE orders ADD COLUMN start_count INTEGER NULL;
        ALTER TABLE orders ADD COLUMN placed_at INTEGER NULL;
        ALTER TABLE orders ADD COLUMN polls INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN remains INTEGER NULL;
        ALTER TABLE events ADD COLUMN provider_status TEXT NULL;
        UPDATE orders SET placed_at = updated_at, next_poll_at = COALESCE(next_poll_at, updated_at) WHERE state = 3;
        CREATE INDEX ix_orders_tracking ON orders (panel, state, next_poll_at);
        """;

    /// <summary>
    /// Version 3: cancel and refill on request. The cancel's state, the panel's reason and when a requested cancel is
    /// due; the latest refill's state, panel id, reason, status word, polls and due time; the events' refill id.
    /// </summary>
    private const string V3 = """
        ALTER TABLE orders ADD COLUMN cancel_state INTEGER NULL;
        ALTER TABLE orders ADD COLUMN cancel_reason TEXT NULL;
        ALTER TABLE orders ADD COLUMN cancel_due_at INTEGER NULL;
        CREATE INDEX ix_orders_cancel ON orders (panel, cancel_state) WHERE cancel_state IS NOT NULL;
        ALTER TABLE orders ADD COLUMN refill_state INTEGER NULL;
        ALTER TABLE orders ADD COLUMN refill_id INTEGER NULL;
        ALTER TABLE orders ADD COLUMN refill_reason TEXT NULL;
        ALTER TABLE orders ADD COLUMN refill_status TEXT NULL;
        ALTER TABLE orders ADD COLUMN refill_polls INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE orders ADD COLUMN refill_due_at INTEGER NULL;
        ALTER TABLE events ADD COLUMN refill_id INTEGER NULL;
        CREATE INDEX ix_orders_refill ON orders (panel, refill_state, refill_due_at) WHERE refill_state IS NOT NULL;
        """;

    /// <summary>
    /// Version 4: the same-link queue's index; each panel's last balance (below its threshold or not, and how many low
    /// balance alerts it raised); events about a panel rather than an order (low balance): the outbox is rebuilt with
    /// <c>order_id</c> nullable and the panel and balance kept.
    /// </summary>
    private const string V4 = """
        CREATE INDEX ix_orders_link ON orders (panel, link, state);
        CREATE TABLE panel_balances (
            panel TEXT PRIMARY KEY,
            balance TEXT NOT NULL,
            currency TEXT NULL,
            low INTEGER NOT NULL DEFAULT 0,
            alerts INTEGER NOT NULL DEFAULT 0,
            checked_at INTEGER NOT NULL);
        CREATE TABLE events_v4 (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            dedupe_key TEXT NOT NULL UNIQUE,
            order_id INTEGER NULL REFERENCES orders (id),
            kind INTEGER NOT NULL,
            state INTEGER NOT NULL,
            provider_order_id INTEGER NULL,
            refund_amount TEXT NOT NULL DEFAULT '0',
            reason TEXT NULL,
            occurred_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER NULL,
            remains INTEGER NULL,
            provider_status TEXT NULL,
            refill_id INTEGER NULL,
            panel TEXT NULL,
            balance TEXT NULL);
        INSERT INTO events_v4 (seq, dedupe_key, order_id, kind, state, provider_order_id, refund_amount, reason, occurred_at, attempts,
                               next_attempt_at, delivered_at, remains, provider_status, refill_id)
        SELECT seq, dedupe_key, order_id, kind, state, provider_order_id, refund_amount, reason, occurred_at, attempts,
               next_attempt_at, delivered_at, remains, provider_status, refill_id FROM events;
        DROP TABLE events;
        ALTER TABLE events_v4 RENAME TO events;
        CREATE INDEX ix_events_order ON events (order_id, delivered_at);
        CREATE INDEX ix_events_pending ON events (next_attempt_at) WHERE delivered_at IS NULL;
        """;

    /// <summary>The migrations; version n is element n - 1.</summary>
    internal static readonly IReadOnlyList<string> Migrations = [V1, V2, V3, V4];

    /// <summary>The version a fully migrated database has.</summary>
    internal static int LatestVersion => Migrations.Count;

    /// <summary>Switches the file to WAL and applies the migrations it lacks.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="now">The store's clock, in Unix milliseconds, for the version rows.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many migrations ran (0 when the schema was up to date).</returns>
    internal static async Task<int> MigrateAsync(SqliteConnection connection, long now, CancellationToken cancellationToken)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long current;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
        }

        if (current > Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The order database's schema is version {current}, newer than this Plugsmm.Orders knows ({Migrations.Count}): run the newer version, or restore a backup made before it.");
        }

        var applied = 0;
        for (var version = (int)current + 1; version <= Migrations.Count; version++)
        {
            using var migrate = connection.CreateCommand();
            migrate.CommandText = Migrations[version - 1];
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $now);";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$now", now);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied++;
        }

        transaction.Commit();
        return applied;
    }
}
