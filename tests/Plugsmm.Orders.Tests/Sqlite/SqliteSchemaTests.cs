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

    public void Dispose() => _database.Dispose();
}
