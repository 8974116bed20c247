using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;
using Plugsmm.Sample.Bot;
using Plugsmm.Sample.Tracking;

namespace Plugsmm.Client.Tests.Sample;

/// <summary>The sample bot's logic against the simulated panel: orders, tracking across a restart, the migration.</summary>
public sealed class SampleBotTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"plugsmm-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, BoostOffer> _offers = new()
    {
        ["followers"] = new() { Name = "followers", ServiceId = 1 },
        ["subscribers"] = new() { Name = "subscribers", ServiceId = 7 },
    };

    private SimulatedPanel _panel = null!;
    private PlugsmmClient _client = null!;
    private LogAdminNotifier _admins = null!;

    public Task InitializeAsync()
    {
        _panel = SimulatedPanel.CreateDefault(_time);
        _client = _panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        _admins = new LogAdminNotifier(NullLogger<LogAdminNotifier>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _panel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task A_boost_is_stored_with_its_provider_order_id_and_the_user_gets_a_generic_answer()
    {
        var store = Store();
        var bot = new BoostBot(_client, store, _offers, _admins, _time);

        var reply = await bot.BoostAsync("u1", "followers", "https://instagram.com/alice", 100);

        var order = store.Find(reply.OrderId!.Value)!;
        Assert.Equal(_panel.Orders.Single().Id, order.ProviderOrderId);
        Assert.Equal("Your boost #1 of 100 followers is on its way.", reply.Text);
        Assert.Empty(_admins.Sent);
    }

    [Fact]
    public async Task Without_order_tracking_the_provider_id_is_not_persisted()
    {
        var store = Store();
        var bot = new BoostBot(_client, store, _offers, _admins, _time, trackOrders: false);

        var reply = await bot.BoostAsync("u1", "followers", "https://instagram.com/alice", 100);

        Assert.Null(store.Find(reply.OrderId!.Value)!.ProviderOrderId);
        Assert.Single(_panel.Orders);
    }

    [Fact]
    public async Task Insufficient_funds_tells_the_admin_the_detail_and_the_user_nothing_of_it()
    {
        _panel.SetBalance(0.01m);
        var bot = new BoostBot(_client, Store(), _offers, _admins, _time);

        var reply = await bot.BoostAsync("u1", "subscribers", "https://youtube.com/@c", 1000);

        Assert.Equal("The service is temporarily unavailable. Please try again later.", reply.Text);
        Assert.Contains("error_type=InsufficientFunds", Assert.Single(_admins.Sent), StringComparison.Ordinal);
        Assert.Contains("Not enough funds on balance", _admins.Sent[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_outcome_is_flagged_for_an_admin_and_never_re_sent()
    {
        var store = Store();
        var bot = new BoostBot(_client, store, _offers, _admins, _time);
        _panel.Faults.Next(PanelFault.DropAfterProcessing, "add");

        await bot.BoostAsync("u1", "followers", "https://instagram.com/dropped", 100);
        var tracker = new OrderTracker(_client, store, new InMemoryMessenger(), _time, NullLogger<OrderTracker>.Instance);
        _time.Advance(TimeSpan.FromHours(1));
        await tracker.PollOnceAsync(CancellationToken.None);

        Assert.Single(_panel.Orders);
        Assert.Single(_panel.Requests, r => r.Action == "add");
        Assert.Single(store.OutcomeUnknown());
        Assert.Contains("It was NOT re-sent", Assert.Single(_admins.Sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_survives_a_restart_with_nothing_lost_and_nothing_sent_twice()
    {
        var users = new InMemoryMessenger();
        var bot = new BoostBot(_client, Store(), _offers, _admins, _time);
        var first = (await bot.BoostAsync("u1", "followers", "https://instagram.com/a", 300)).OrderId!.Value;
        var second = (await bot.BoostAsync("u2", "subscribers", "https://youtube.com/@b", 500)).OrderId!.Value;
        var tracker = new OrderTracker(_client, Store(), users, _time, NullLogger<OrderTracker>.Instance);
        _time.Advance(TimeSpan.FromMinutes(2));
        await tracker.PollOnceAsync(CancellationToken.None);

        // The process restarts: a new store over the same file, a new tracker.
        var restarted = new OrderTracker(_client, Store(), users, _time, NullLogger<OrderTracker>.Instance);
        for (var i = 0; i < 20; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(2));
            await restarted.PollOnceAsync(CancellationToken.None);
        }

        var store = Store();
        Assert.Equal(["In progress", "Completed"], store.History(first));
        Assert.Equal("Partial", store.Find(second)!.ProviderStatus);
        Assert.Equal(2, _panel.Orders.Count);
        Assert.Equal(
            [("u1", "Boost #1 is complete: all 300 delivered."), ("u2", "Boost #2 finished partly: 400 of 500 delivered, the rest refunded.")],
            users.Sent.OrderBy(m => m.UserId));
        Assert.Empty(store.Active());
    }

    [Fact]
    public async Task Tracking_asks_100_orders_per_request()
    {
        var store = Store();
        _panel.SetBalance(10_000m);
        for (var i = 0; i < 250; i++)
        {
            var id = store.Create("u", "likes", $"https://instagram.com/p/{i}", 10, _time.GetUtcNow());
            store.SetProviderOrder(id, await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = $"https://instagram.com/p/{i}", Quantity = 10 }), _time.GetUtcNow());
        }

        var before = _panel.Requests.Count;
        await new OrderTracker(_client, store, new InMemoryMessenger(), _time, NullLogger<OrderTracker>.Instance).PollOnceAsync(CancellationToken.None);

        Assert.Equal(3, _panel.Requests.Count - before);
    }

    [Fact]
    public async Task Tracking_backs_off_when_the_panel_rate_limits()
    {
        var store = Store();
        var bot = new BoostBot(_client, store, _offers, _admins, _time);
        await bot.BoostAsync("u1", "followers", "https://instagram.com/a", 100);
        _panel.Faults.Next(PanelFault.TooManyRequests(TimeSpan.FromMinutes(5)), "status");

        var wait = await new OrderTracker(_client, store, new InMemoryMessenger(), _time, NullLogger<OrderTracker>.Instance).PollOnceAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(5), wait);
    }

    [Fact]
    public void The_migration_upgrades_a_database_made_by_the_old_version_and_can_run_again()
    {
        using (var connection = new SqliteConnection($"Data Source={_database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, service TEXT NOT NULL, link TEXT NOT NULL, quantity INTEGER NOT NULL, created_at TEXT NOT NULL);
                INSERT INTO orders (user_id, service, link, quantity, created_at) VALUES ('old-user', 'followers', 'https://instagram.com/old', 100, '2025-01-01T00:00:00Z');
                """;
            command.ExecuteNonQuery();
        }

        var store = OrderStore.ForFile(_database);
        store.Migrate();
        store.Migrate();

        var old = Assert.Single(store.All());
        Assert.Equal(("old-user", "https://instagram.com/old", (long?)null, false), (old.UserId, old.Link, old.ProviderOrderId, old.OutcomeUnknown));
        store.SetProviderOrder(old.Id, 123, _time.GetUtcNow());
        Assert.Equal(123, store.Find(old.Id)!.ProviderOrderId);
    }

    [Fact]
    public async Task The_balance_monitor_alerts_once_below_the_threshold()
    {
        var monitor = new BalanceMonitor(_client, _admins, _time, threshold: 150m);

        await monitor.CheckOnceAsync(CancellationToken.None);
        await monitor.CheckOnceAsync(CancellationToken.None);

        Assert.Contains("Provider balance is low: 100 USD", Assert.Single(_admins.Sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_refill_goes_to_the_provider_for_finished_orders()
    {
        var store = Store();
        var bot = new BoostBot(_client, store, _offers, _admins, _time);
        var id = (await bot.BoostAsync("u1", "followers", "https://instagram.com/r", 100)).OrderId!.Value;

        var early = await bot.RefillOrderAsync(id);
        _time.Advance(TimeSpan.FromHours(1));
        var done = await bot.RefillOrderAsync(id);

        Assert.Equal("Refill refused: Permanent (Order not eligible for refill.).", early);
        Assert.StartsWith("Refill ", done, StringComparison.Ordinal);
        Assert.Contains("requested for boost #1", done, StringComparison.Ordinal);
    }

    private OrderStore Store()
    {
        var store = OrderStore.ForFile(_database);
        store.Migrate();
        return store;
    }
}
