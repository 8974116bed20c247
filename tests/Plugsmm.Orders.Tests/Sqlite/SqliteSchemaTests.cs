using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Orders.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Migrations_are_versioned_and_running_them_again_is_a_no_op()
    {
        var store = new SqliteOrderStore(_database.Path, _time);

        Assert.Equal(SqliteSchema.LatestVersion, await store.MigrateAsync(default));
        Assert.Equal(0, await store.MigrateAsync(default));
        Assert.Equal(0, await new SqliteOrderStore(_database.Path, _time).MigrateAsync(default));

        var versions = _database.Query("SELECT version FROM schema_version ORDER BY version");
        Assert.Equal(Enumerable.Range(1, SqliteSchema.LatestVersion).Select(v => (object?)(long)v), versions.Select(r => r[0]));
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_with_a_busy_timeout_and_the_columns_tracking_needs()
    {
        var store = new SqliteOrderStore(_database.Path, _time);
        await store.AcceptAsync(Orders.New("k1"), default);

        Assert.Equal("wal", _database.Query("PRAGMA journal_mode")[0][0]);
        var columns = _database.Query("PRAGMA table_info(orders)").Select(r => (string)r[1]!).ToHashSet();
        foreach (var column in new[] { "provider_order_id", "provider_charge", "price", "quantity", "remains", "refunded_amount", "next_poll_at", "lease_owner", "lease_expires_at", "fence" })
        {
            Assert.Contains(column, columns);
        }

        Assert.Equal(5000, SqliteOrderStore.BusyTimeoutMilliseconds);
    }

    [Fact]
    public async Task A_store_migrates_on_first_use_even_when_many_calls_start_at_once()
    {
        var store = new SqliteOrderStore(_database.Path, _time);
        var accepted = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.AcceptAsync(Orders.New("k" + i), default))));

        Assert.Equal(8, accepted.Select(o => o.Id).Distinct().Count());
        Assert.Equal(SqliteSchema.LatestVersion, _database.Query("SELECT version FROM schema_version").Count);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_not_written()
    {
        var store = new SqliteOrderStore(_database.Path, _time);
        await store.MigrateAsync(default);
        _database.Query("INSERT INTO schema_version (version, applied_at) VALUES (99, 0) RETURNING version");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteOrderStore(_database.Path, _time).AcceptAsync(Orders.New("k1"), default));
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_database_is_migrated_to_tracking_and_its_placed_orders_are_tracked()
    {
        _database.Query("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL); SELECT 1");
        _database.Query(SqliteSchema.Migrations[0] + "INSERT INTO schema_version VALUES (1, 0); SELECT 1");
        _database.Query("""
            INSERT INTO orders (idempotency_key, panel, service_id, link, quantity, price, state, version, provider_order_id, created_at, updated_at)
            VALUES ('k1', '', 1, 'https://x/1', 1000, '2.50', 3, 2, 77, 1000, 2000);
            SELECT 1
            """);
        var store = new SqliteOrderStore(_database.Path, _time);

        Assert.Equal(SqliteSchema.LatestVersion - 1, await store.MigrateAsync(default));
        var tracked = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, TimeSpan.FromMinutes(10), default));
        Assert.Equal((77L, 2.50m, 0), (tracked.Order.ProviderOrderId!.Value, tracked.Order.Price, tracked.Order.Polls));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2000), tracked.Order.PlacedAt);
        Assert.Equal(0, await store.MigrateAsync(default));
    }

    [Fact]
    public async Task A_version_3_outbox_keeps_its_events_through_the_rebuild_of_version_4()
    {
        _database.Query("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL); SELECT 1");
        _database.Query(string.Concat(SqliteSchema.Migrations.Take(3)) + "INSERT INTO schema_version VALUES (1, 0), (2, 0), (3, 0); SELECT 1");
        _database.Query("""
            INSERT INTO orders (idempotency_key, panel, service_id, link, quantity, price, state, version, provider_order_id, created_at, updated_at)
            VALUES ('k1', 'p', 1, 'https://x/1', 1000, '2.50', 7, 3, 77, 1000, 2000);
            INSERT INTO events (dedupe_key, order_id, kind, state, provider_order_id, refund_amount, reason, occurred_at, next_attempt_at, remains, provider_status, refill_id)
            VALUES ('1:partial:3', 1, 8, 7, 77, '1.25', NULL, 2000, 2000, 500, 'Partial', NULL);
            SELECT 1
            """);
        var store = new SqliteOrderStore(_database.Path, _time);

        Assert.Equal(1, await store.MigrateAsync(default));
        var kept = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal(("1:partial:3", OrderEventKind.Partial, 1.25m, 500L, "Partial", "p", "k1"), (kept.DedupeKey, kept.Kind, kept.RefundAmount, kept.Remains!.Value, kept.ProviderStatus, kept.Panel, kept.IdempotencyKey));
        await store.AckEventAsync(kept.Sequence, default);
        await store.RecordBalanceAsync("p", new Plugsmm.Client.Balance { Amount = 1m }, 5m, default);
        Assert.True(Assert.Single(await store.ReadPendingEventsAsync(100, default)).Sequence > kept.Sequence); // the sequence goes on
    }

    public void Dispose() => _database.Dispose();
}
