using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>How the engine's telemetry is wired: the host's meter factory, the observed store, stores without statistics.</summary>
public sealed class ObservabilityWiringTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public void The_observed_store_forwards_every_member_of_the_store_contract()
    {
        // A member added to IOrderStore with a default body would otherwise reach the engine as that default.
        var map = typeof(ObservedOrderStore).GetInterfaceMap(typeof(IOrderStore));
        Assert.All(map.TargetMethods, m => Assert.Equal(typeof(ObservedOrderStore), m.DeclaringType));
        Assert.Equal(typeof(IOrderStore).GetMethods(BindingFlags.Public | BindingFlags.Instance).Length, map.TargetMethods.Length);
    }

    [Fact]
    public void AddPlugsmmOrders_creates_the_meter_from_the_hosts_meter_factory_with_the_package_version()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IOrderEventHandler, RecordingHandler>();
        builder.Services.AddPlugsmmClient(o => o.ApiKey = SimulatedPanel.DefaultApiKey);
        builder.Services.AddPlugsmmOrders(o => o.DatabasePath = _database.Path);
        using var host = builder.Build();
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var published = new List<Instrument>();
        using var listener = new MeterListener { InstrumentPublished = (i, _) => { if (ReferenceEquals(i.Meter.Scope, factory)) { published.Add(i); } } };
        listener.Start();

        host.Services.GetRequiredService<OrderEngine>();

        var active = Assert.Single(published, i => i.Name == "plugsmm.orders.active");
        Assert.Equal((PlugsmmOrdersTelemetry.MeterName, PlugsmmOrdersTelemetry.Version, "{order}"), (active.Meter.Name, active.Meter.Version, active.Unit));
        Assert.Equal(
            ["plugsmm.orders.active", "plugsmm.orders.finished", "plugsmm.orders.placement.duration", "plugsmm.orders.placements", "plugsmm.orders.refund.amount",
             "plugsmm.orders.refunds", "plugsmm.orders.resolution_queue.oldest_age", "plugsmm.orders.resolution_queue.size", "plugsmm.orders.tracking.lag"],
            published.Where(i => i.Meter.Name == PlugsmmOrdersTelemetry.MeterName).Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_store_without_statistics_runs_the_engine_and_reports_no_store_metrics()
    {
        await using var harness = new EngineHarness();
        using var metrics = new MetricsRecorder();
        var options = new PlugsmmOrdersOptions { DatabasePath = _database.Path, Owner = "a" };
        var engine = new OrderEngine(new WithoutStatistics(harness.NewStore()), _ => harness.Client, harness.Handler, options, NullLogger.Instance, harness.Time, metrics);
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
        Assert.Null(metrics.Observe("plugsmm.orders.active"));
        Assert.Equal(1d, metrics.Sum("plugsmm.orders.placements"));
    }

    [Fact]
    public async Task A_failed_statistics_read_is_logged_and_the_steps_work_stands()
    {
        await using var harness = new EngineHarness();
        using var metrics = new MetricsRecorder();
        var lines = new ScopeCapturingLogger();
        using var factory = LoggerFactory.Create(b => b.AddProvider(lines));
        var options = new PlugsmmOrdersOptions { DatabasePath = _database.Path, Owner = "a" };
        var store = new FailingStatistics(harness.NewStore());
        var engine = new OrderEngine(store, _ => harness.Client, harness.Handler, options, factory.CreateLogger("orders"), harness.Time, metrics);
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
        Assert.Single(lines.Lines, l => l.EventId == 3090);
        Assert.Single(lines.Lines, l => l.EventId == 3035 && l.Message.Contains("balance checks", StringComparison.Ordinal)); // nor balances: off, said once
        Assert.Null(metrics.Observe("plugsmm.orders.active"));
        harness.Time.Advance(OrdersMetrics.RefreshInterval);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(2, lines.Lines.Count(l => l.EventId == 3090)); // read again after the interval, not every step
    }

    public void Dispose() => _database.Dispose();

    /// <summary>A store written before statistics existed: <see cref="IOrderStore.GetStatisticsAsync"/> is the interface's default.</summary>
    private class WithoutStatistics(IOrderStore inner) : MinimalStore(inner), IOrderStore
    {
        public Task<IReadOnlyList<OrderLease>> ClaimCancelsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) => Inner.ClaimCancelsAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);

        public Task<IReadOnlyList<OrderLease>> ClaimRefillsAsync(string owner, string panel, int maxOrders, TimeSpan leaseDuration, CancellationToken cancellationToken) => Inner.ClaimRefillsAsync(owner, panel, maxOrders, leaseDuration, cancellationToken);
    }

    /// <summary>A store whose statistics read fails (a locked database).</summary>
    private sealed class FailingStatistics(IOrderStore inner) : WithoutStatistics(inner), IOrderStore
    {
        public Task<OrderStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("database is locked (test)");
    }
}
