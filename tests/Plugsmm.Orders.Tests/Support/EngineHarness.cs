using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// The simulated panel on a fake clock, a real SQLite file, and engines over it: each engine is one "process"; a new
/// one over the same file is a restart. Steps are driven by the test, never by time passing on its own.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly TempDatabase _database = new();

    public EngineHarness()
    {
        Panel = SimulatedPanel.CreateDefault(Time);
        Client = Panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SimulatedPanel Panel { get; }

    public IPlugsmmClient Client { get; }

    public RecordingHandler Handler { get; } = new();

    public TempDatabase Database => _database;

    public PlugsmmOrdersOptions Options { get; } = new();

    /// <summary>A store over the harness's file.</summary>
    public SqliteOrderStore NewStore() => new(_database.Path, Time);

    /// <summary>An engine ("a process") over the file, optionally through a store wrapper, handler or client.</summary>
    public OrderEngine NewEngine(string owner, Func<IOrderStore, IOrderStore>? wrapStore = null, IOrderEventHandler? handler = null, IPlugsmmClient? client = null)
    {
        var options = new PlugsmmOrdersOptions
        {
            DatabasePath = _database.Path,
            Owner = owner,
            BatchSize = Options.BatchSize,
            MaxConcurrentPlacements = Options.MaxConcurrentPlacements,
            LeaseDuration = Options.LeaseDuration,
            RetryDelay = Options.RetryDelay,
            MaxRetryDelay = Options.MaxRetryDelay,
            EventRetryDelay = Options.EventRetryDelay,
            TrackingDelay = Options.TrackingDelay,
            MaxTrackingInterval = Options.MaxTrackingInterval,
            NotFoundGracePeriod = Options.NotFoundGracePeriod,
            RefundDecimals = Options.RefundDecimals,
            BalanceCheckInterval = Options.BalanceCheckInterval,
            LowBalanceThreshold = Options.LowBalanceThreshold,
        };
        IOrderStore store = NewStore();
        store = wrapStore?.Invoke(store) ?? store;
        var panelClient = client ?? Client;
        return new OrderEngine(store, name => name.Length == 0 ? panelClient : throw new InvalidOperationException("No panel " + name), handler ?? Handler, options, NullLogger.Instance, Time);
    }

    /// <summary>Runs steps until one finds nothing to do.</summary>
    public static async Task<int> RunUntilIdleAsync(OrderEngine engine, int maxSteps = 100)
    {
        var total = 0;
        for (var step = 0; step < maxSteps; step++)
        {
            var handled = await engine.RunOnceAsync(CancellationToken.None);
            if (handled == 0)
            {
                return total;
            }

            total += handled;
        }

        throw new InvalidOperationException("The engine never went idle.");
    }

    /// <summary>
    /// Adds service 8, which the panel's catalogue advertises with refill but whose orders the panel refuses to refill
    /// (<c>Order not eligible for refill.</c>), as the field practice reports of real panels.
    /// </summary>
    public long AddRefillRefusingService()
    {
        Panel.Services.Add(new SimulatedService { Id = 8, Name = "Instagram Followers [30 Days Refill]", Category = "Instagram Followers", RatePer1000 = 1m, Min = 50, Max = 10_000, Refill = false });
        return 8;
    }

    /// <summary>Makes the catalogue advertise refill for service 8 (its orders keep being refused).</summary>
    public void AdvertiseRefill(long serviceId)
    {
        var index = Panel.Services.ToList().FindIndex(s => s.Id == serviceId);
        var old = Panel.Services[index];
        Panel.Services[index] = new SimulatedService { Id = old.Id, Name = old.Name, Category = old.Category, RatePer1000 = old.RatePer1000, Min = old.Min, Max = old.Max, Refill = true };
    }

    /// <summary>The <c>refill</c> requests that named a panel order id (the ledger).</summary>
    public int RefillRequestsFor(long providerOrderId)
    {
        var id = providerOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Panel.Requests.Count(r => r.Action == "refill"
            && ((r.Fields.TryGetValue("orders", out var ids) && ids.Split(',').Contains(id)) || (r.Fields.TryGetValue("order", out var one) && one == id)));
    }

    /// <summary>The panel's orders for a link: the ground truth of what was placed.</summary>
    public int PanelOrdersFor(string link) => Panel.Orders.Count(o => o.Link == link);

    public async ValueTask DisposeAsync()
    {
        await Panel.DisposeAsync();
        _database.Dispose();
    }
}
