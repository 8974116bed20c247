using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.NetworkInformation;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>
/// Many <c>add</c> calls from 64 concurrent callers against the simulated panel on loopback (Kestrel), clean and with
/// 20 % injected faults; then every order is accounted for against the panel's ledger, and memory and sockets are compared.
/// </summary>
// The heap is measured for the whole process: no other test may run meanwhile (a parallel one's allocations made it flaky).
[Collection(nameof(MemoryMeasurements))]
public sealed class LoadTests
{
    private const int Callers = 64;
    private static readonly int Calls = Figures.Size(1_000, 10_000);

    [Fact]
    public async Task Every_order_is_accounted_for_under_load_clean_and_with_twenty_percent_faults()
    {
        var clean = await RunAsync(faultRate: 0, seed: 1);
        var faulty = await RunAsync(faultRate: 0.2, seed: 20251111);

        Assert.Equal(Calls, clean.Reported);
        Assert.Equal(0, clean.Faults);
        Assert.InRange(faulty.Faults, Calls / 10, Calls / 3);
        Assert.InRange(faulty.Unknown, 1, Calls);

        var md = new StringBuilder();
        md.AppendLine("## 5. Load: `add` from 64 concurrent callers, simulated panel on loopback (Kestrel)");
        md.AppendLine();
        md.AppendLine("| run | calls | faults injected | requests | orders created | reported created | failed, outcome known (none created) | flagged unknown (of them created) | lost | duplicated | wall time | GC heap before → after | panel sockets before → after |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in new[] { clean, faulty })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Calls:N0} | {r.Faults:N0} | {r.Requests:N0} | {r.Created:N0} | {r.Reported:N0} | {r.Failed:N0} | {r.Unknown:N0} ({r.UnknownCreated:N0}) | **0** | **0** | {r.Seconds:F1} s | {r.HeapBefore / 1048576.0:F1} MB → {r.HeapAfter / 1048576.0:F1} MB | {r.SocketsBefore} → {r.SocketsAfter} |");
        }

        md.AppendLine();
        md.AppendLine("Faults are drawn from every kind in `PanelFault.All` at 20 % (`panel.Faults.AtRate(0.2, 20251111)`). The client runs with the default retry policy (no jitter, 50 ms base delay, 5 s attempt timeout with faults: the panel's clock is fake and never advances, so an injected 5-minute latency lasts until the client gives up; in the clean run as long as the whole call may take (2 min), as no attempt may end but by its answer). Heap = `GC.GetTotalMemory(true)` after a warm-up and after the run (the panel's ledger is part of it); sockets = established TCP connections to the panel's port (`IPGlobalProperties`).");
        Figures.Write("50-load", new JsonObject
        {
            ["callers"] = Callers,
            ["clean"] = clean.ToJson(),
            ["faulty"] = faulty.ToJson(),
        }, md.ToString());
    }

    private static async Task<LoadResult> RunAsync(double faultRate, int seed)
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        panel.SetBalance(1_000_000_000m);
        var address = await panel.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = panel.ApiKey;
            o.BaseAddress = address;
            // With faults, 5 s ends an injected latency (the panel's clock never moves); without, nothing may end an
            // attempt but its answer, so a starved machine slows the run down instead of failing a call that was fine.
            o.Resilience.AttemptTimeout = faultRate > 0 ? TimeSpan.FromSeconds(5) : o.Resilience.TotalTimeout;
            o.Resilience.Retry.UseJitter = false;
            o.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(50);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPlugsmmClient>();

        // Warm-up (connections, JIT), then the baseline.
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(i => client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = $"https://instagram.com/p/warm{i}", Quantity = 10 })));
        var warm = panel.Orders.Count;
        var warmRequests = panel.Requests.Count;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var socketsBefore = Sockets(address.Port);
        if (faultRate > 0)
        {
            panel.Faults.AtRate(faultRate, seed);
        }

        var outcomes = new ConcurrentDictionary<string, (long? Id, PlugsmmException? Error)>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Calls)
            {
                var link = $"https://instagram.com/p/load{i}";
                try
                {
                    outcomes[link] = (await client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = link, Quantity = 10 + (i % 90) }), null);
                }
                catch (PlugsmmException exception)
                {
                    outcomes[link] = (null, exception);
                }
            }
        })));
        watch.Stop();
        panel.Faults.Clear();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var socketsAfter = Sockets(address.Port);

        // The accounting: every call, every order.
        var orders = panel.Orders.Skip(warm).ToList();
        var requests = panel.Requests.Skip(warmRequests).ToList();
        Assert.Equal(Calls, outcomes.Count);
        var byLink = orders.GroupBy(o => o.Link!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byLink, g => Assert.True(g.Value.Count == 1, $"{g.Key} was ordered {g.Value.Count} times"));
        Assert.All(byLink.Keys, link => Assert.True(outcomes.ContainsKey(link), $"{link}: an order nobody asked for"));
        foreach (var (link, (id, error)) in outcomes)
        {
            byLink.TryGetValue(link, out var taken);
            if (id is { } reported)
            {
                Assert.True(taken is [var order] && order.Id == reported, $"{link}: reported {reported}, the panel has {taken?.Count ?? 0}");
            }
            else if (error!.OutcomeUnknown)
            {
                Assert.True(taken is null or [_], link);
            }
            else
            {
                Assert.True(taken is null, $"{link}: failed with {error.Kind}/{error.Reason} (outcome known), yet the panel took it");
            }
        }

        var reportedCount = outcomes.Values.Count(o => o.Id is not null);
        var unknown = outcomes.Where(o => o.Value.Error?.OutcomeUnknown == true).ToList();
        var unknownCreated = unknown.Count(o => byLink.ContainsKey(o.Key));
        Assert.Equal(orders.Count, reportedCount + unknownCreated);
        Assert.Equal(requests.Count(r => r.Action == "add" && r.Processed && r.Fault is null or { ProcessesRequest: true }), requests.Count(r => r.Processed));
        Assert.InRange(socketsAfter, 0, Callers + 8);
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 64L * 1024 * 1024);

        return new LoadResult(
            faultRate == 0 ? "clean" : "20 % faults", Calls, requests.Count(r => r.Fault is not null), requests.Count, orders.Count, reportedCount,
            outcomes.Count - reportedCount - unknown.Count, unknown.Count, unknownCreated, watch.Elapsed.TotalSeconds, heapBefore, heapAfter, socketsBefore, socketsAfter);
    }

    private static int Sockets(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections().Count(c => c.RemoteEndPoint.Port == port && c.State == TcpState.Established);

    private sealed record LoadResult(string Name, int Calls, int Faults, int Requests, int Created, int Reported, int Failed, int Unknown, int UnknownCreated, double Seconds, long HeapBefore, long HeapAfter, int SocketsBefore, int SocketsAfter)
    {
        public JsonObject ToJson() => new()
        {
            ["calls"] = Calls, ["faults_injected"] = Faults, ["requests"] = Requests, ["orders_created"] = Created, ["reported_created"] = Reported,
            ["failed_known"] = Failed, ["unknown"] = Unknown, ["unknown_created"] = UnknownCreated, ["lost"] = 0, ["duplicated"] = 0,
            ["seconds"] = Math.Round(Seconds, 2), ["heap_before"] = HeapBefore, ["heap_after"] = HeapAfter, ["sockets_before"] = SocketsBefore, ["sockets_after"] = SocketsAfter,
        };
    }
}
