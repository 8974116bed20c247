using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Plugsmm.Orders.Benchmarks;

/// <summary>
/// Issue 18's "Performance" figures, in real time, through the engine's public host path (<c>AddPlugsmmOrders</c> +
/// <c>AddPlugsmmClient</c> at the loopback panel, a SQLite file in a temp folder): (a) tracking N active orders under
/// the panel's limit of R requests a minute with <see cref="PlugsmmOrdersOptions.RequestsPerMinute"/> = R: the time of
/// each cycle (every order refreshed once), the 429s, the engine's CPU per tracked order; (b) with the panel answering
/// in L ms and no limit, accepted-and-placed orders a second. Prints a markdown summary; exits 1 when the run is
/// invalid (a 429, an order not placed or lost, a phase that never ended).
/// </summary>
internal static class OrdersBenchmark
{
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        var folder = Path.Combine(Path.GetTempPath(), "plugsmm-orders-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var failures = new List<string>();
        try
        {
            var panel = await PanelProcess.StartAsync().ConfigureAwait(false);
            await using (panel.ConfigureAwait(false))
            {
                Progress($"panel at {panel.Address}; SQLite files in {folder}");
                var tracking = await TrackingAsync(panel, settings, Path.Combine(folder, "tracking.db"), failures).ConfigureAwait(false);
                var placement = await PlacementAsync(panel, settings, Path.Combine(folder, "placement.db"), failures).ConfigureAwait(false);
                await Console.Out.WriteAsync(Summary.Write(settings, tracking, placement, failures)).ConfigureAwait(false);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>(a): N orders accepted and placed with no limit, then tracked with the panel's limit and the option at R.</summary>
    private static async Task<TrackingFigures> TrackingAsync(PanelProcess panel, Settings settings, string database, List<string> failures)
    {
        await panel.SendAsync("limit off").ConfigureAwait(false);
        await panel.SendAsync("latency 0").ConfigureAwait(false);

        // Setup: nothing is tracked yet (the first poll is a day away); the orders' service starts a day after the order.
        Progress($"tracking: accepting and placing {settings.Orders} orders (no limit)");
        var setup = Stopwatch.StartNew();
        using (var host = BuildHost(panel, database, o => o.TrackingDelay = o.MaxTrackingInterval = TimeSpan.FromDays(1)))
        {
            await host.StartAsync().ConfigureAwait(false);
            var engine = host.Services.GetRequiredService<OrderEngine>();
            var keys = await AcceptAsync(engine, "t", settings.Orders).ConfigureAwait(false);
            await WaitPlacedAsync(panel, engine, keys, failures).ConfigureAwait(false);
            await host.StopAsync().ConfigureAwait(false);
        }

        var setupSeconds = setup.Elapsed.TotalSeconds;

        // Measured: a host a day later on its clock (every order due), every order due again a second after its refresh.
        Progress($"tracking: {settings.Orders} orders at {settings.Rate} requests a minute, {settings.Cycles} cycles");
        await panel.SendAsync(string.Create(CultureInfo.InvariantCulture, $"limit {settings.Rate}")).ConfigureAwait(false);
        await panel.SendAsync(string.Create(CultureInfo.InvariantCulture, $"mark {settings.Orders}")).ConfigureAwait(false);
        var wall = Stopwatch.StartNew();
        var cpu = new List<TimeSpan> { Cpu() };
        PanelStats stats;
        using (var host = BuildHost(panel, database, o =>
        {
            o.TrackingDelay = o.MaxTrackingInterval = TimeSpan.FromSeconds(1);
            o.RequestsPerMinute = settings.Rate;
        }, new ShiftedClock(TimeSpan.FromDays(1))))
        {
            await host.StartAsync().ConfigureAwait(false);
            var deadline = TimeSpan.FromSeconds(settings.BoundSeconds * 3 * settings.Cycles + 60);
            while (true)
            {
                await Task.Delay(StatsInterval, TimeProvider.System, CancellationToken.None).ConfigureAwait(false);
                stats = await panel.StatsAsync().ConfigureAwait(false);
                while (cpu.Count <= stats.Cycles.Count)
                {
                    cpu.Add(Cpu());   // at most a second after the cycle ended
                }

                if (stats.Cycles.Count >= settings.Cycles)
                {
                    break;
                }

                if (wall.Elapsed > deadline)
                {
                    failures.Add($"tracking: only {stats.Cycles.Count} of {settings.Cycles} cycles in {wall.Elapsed.TotalSeconds:F0} s");
                    break;
                }
            }

            var engine = host.Services.GetRequiredService<OrderEngine>();
            await host.StopAsync().ConfigureAwait(false);
            var keys = Enumerable.Range(0, settings.Orders).Select(i => Key("t", i)).ToList();
            var notTracked = 0;
            foreach (var key in keys)
            {
                if ((await engine.FindAsync(key).ConfigureAwait(false))?.State != LocalOrderState.Placed)
                {
                    notTracked++;
                }
            }

            if (notTracked > 0)
            {
                failures.Add($"tracking: {notTracked} orders are no longer placed and tracked");
            }
        }

        if (stats.Refused429 > 0)
        {
            failures.Add($"tracking: the panel answered {stats.Refused429} requests with 429");
        }

        Progress($"tracking: cycles {string.Join(", ", stats.Cycles.Select(c => c.ToString("F1", CultureInfo.InvariantCulture)))} s; 429s {stats.Refused429}");
        return new TrackingFigures(setupSeconds, stats, cpu, wall.Elapsed);
    }

    /// <summary>(b): M orders accepted while the engine runs, the panel answering in L ms, no limit: until all are placed.</summary>
    private static async Task<PlacementFigures> PlacementAsync(PanelProcess panel, Settings settings, string database, List<string> failures)
    {
        await panel.SendAsync("limit off").ConfigureAwait(false);
        await panel.SendAsync(string.Create(CultureInfo.InvariantCulture, $"latency {settings.LatencyMs}")).ConfigureAwait(false);
        Progress($"placement: {settings.Placements} orders, the panel answering in {settings.LatencyMs} ms");
        using var host = BuildHost(panel, database, _ => { });
        await host.StartAsync().ConfigureAwait(false);
        var engine = host.Services.GetRequiredService<OrderEngine>();
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        var keys = await AcceptAsync(engine, "p", settings.Placements).ConfigureAwait(false);
        var accepted = clock.Elapsed;
        await WaitPlacedAsync(panel, engine, keys, failures).ConfigureAwait(false);
        var placed = clock.Elapsed;
        var cpuUsed = Cpu() - cpu;
        await host.StopAsync().ConfigureAwait(false);
        await panel.SendAsync("latency 0").ConfigureAwait(false);
        Progress($"placement: {settings.Placements} placed in {placed.TotalSeconds:F1} s");
        return new PlacementFigures(accepted, placed, cpuUsed);
    }

    private static IHost BuildHost(PanelProcess panel, string database, Action<PlugsmmOrdersOptions> configure, TimeProvider? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton<IOrderEventHandler, DiscardingHandler>();
        builder.Services.AddPlugsmmClient(o =>
        {
            o.ApiKey = panel.ApiKey;
            o.BaseAddress = panel.Address;
        });
        builder.Services.AddPlugsmmOrders(o =>
        {
            o.DatabasePath = database;
            configure(o);
        });
        return builder.Build();
    }

    private static async Task<List<string>> AcceptAsync(OrderEngine engine, string prefix, int count)
    {
        var keys = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var key = Key(prefix, i);
            await engine.AcceptAsync(new NewOrder
            {
                IdempotencyKey = key,
                ServiceId = PanelServer.Service.Id,
                Link = "https://example.com/orders-benchmark/" + key,
                Quantity = 1000,
                Price = 1m,
            }).ConfigureAwait(false);
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Waits until every order is placed (the engine's record), failing the run when placement stalls for a minute.</summary>
    private static async Task WaitPlacedAsync(PanelProcess panel, OrderEngine engine, List<string> keys, List<string> failures)
    {
        var stalled = Stopwatch.StartNew();
        for (var next = 0; next < keys.Count;)
        {
            var order = await engine.FindAsync(keys[next]).ConfigureAwait(false);
            if (order?.State == LocalOrderState.Placed)
            {
                next++;
                stalled.Restart();
                continue;
            }

            if (order?.State is not (LocalOrderState.Accepted or LocalOrderState.Placing or LocalOrderState.Waiting))
            {
                failures.Add($"order {keys[next]} is {order?.State.ToString() ?? "missing"}, not placed");
                return;
            }

            if (stalled.Elapsed > TimeSpan.FromMinutes(1))
            {
                failures.Add($"placement stalled: {keys.Count - next} orders not placed; the panel holds {(await panel.StatsAsync().ConfigureAwait(false)).Orders} orders");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None).ConfigureAwait(false);   // placed in about the order accepted
        }

        if ((await engine.ListUnresolvedAsync().ConfigureAwait(false)).Count > 0)
        {
            failures.Add("orders went to the resolution queue");
        }
    }

    private static string Key(string prefix, int i) => prefix + i.ToString("D6", CultureInfo.InvariantCulture);

    private static TimeSpan Cpu() => Environment.CpuUsage.TotalTime;

    private static void Progress(string line) => Console.Error.WriteLine($"== {TimeProvider.System.GetUtcNow():HH:mm:ss} {line}");

    /// <summary>The system clock moved on: the measured host sees the setup's orders due.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private sealed class DiscardingHandler : IOrderEventHandler
    {
        public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The run's settings: <c>--orders --rate --cycles --placements --latency-ms</c>.</summary>
internal sealed record Settings(int Orders, int Rate, int Cycles, int Placements, int LatencyMs)
{
    /// <summary>N / (100·R) minutes: no engine refreshes more than 100·R orders a minute.</summary>
    public double BoundSeconds => Orders * 60.0 / (100.0 * Rate);

    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--orders"] = 10_000, ["--rate"] = 120, ["--cycles"] = 3, ["--placements"] = 1_000, ["--latency-ms"] = 50 };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unknown or incomplete option {args[i]}; options: {string.Join(' ', values.Keys)}.", nameof(args));
            }

            values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        return new Settings(values["--orders"], values["--rate"], values["--cycles"], values["--placements"], values["--latency-ms"]);
    }
}

internal sealed record TrackingFigures(double SetupSeconds, PanelStats Stats, IReadOnlyList<TimeSpan> CpuAtCycles, TimeSpan Wall);

internal sealed record PlacementFigures(TimeSpan Accepted, TimeSpan Placed, TimeSpan Cpu);
