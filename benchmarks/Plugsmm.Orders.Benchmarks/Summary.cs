using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Plugsmm.Orders;

namespace Plugsmm.Orders.Benchmarks;

/// <summary>The run's markdown summary: the tables of docs/performance.md's orders section.</summary>
internal static class Summary
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(Settings settings, TrackingFigures tracking, PlacementFigures placement, IReadOnlyList<string> failures)
    {
        var text = new StringBuilder();
        var bound = settings.BoundSeconds;
        var target = bound * 1.05;
        var stats = tracking.Stats;
        Line(text, $"## Orders: tracking under a rate limit, placement throughput");
        Line(text);
        Line(text, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; the simulated panel on Kestrel in a process of its own on loopback; the engine through AddPlugsmmOrders + AddPlugsmmClient on a SQLite file in a temp folder; real time. CPU is this (the engine's) process's only.");
        Line(text);
        Line(text, $"### Tracking: {settings.Orders:N0} active orders, the panel's limit and RequestsPerMinute = {settings.Rate}");
        Line(text);
        Line(text, $"Bound: {settings.Orders:N0} / (100 × {settings.Rate}) min = {bound:F1} s a cycle; target ≤ {target:F1} s (1.05×), 0 answers of 429.");
        Line(text);
        Line(text, "| Figure | Value | Target |");
        Line(text, "|---|---:|---|");
        for (var i = 0; i < stats.Cycles.Count; i++)
        {
            var seconds = stats.Cycles[i];
            var note = i == 0 ? " (from the host's start)" : string.Empty;
            Line(text, $"| Cycle {i + 1}: every order refreshed once{note} | {seconds:F2} s | ≤ {target:F1} s: {(seconds <= target ? "met" : "missed")} |");
        }

        if (stats.FirstStatusSeconds >= 0 && stats.Cycles.Count > 0)
        {
            Line(text, $"| The host's start to its first answered `status` | {stats.FirstStatusSeconds:F2} s | |");
            Line(text, $"| Cycle 1 counted from that first `status` | {stats.Cycles[0] - stats.FirstStatusSeconds:F2} s | ≤ {target:F1} s: {(stats.Cycles[0] - stats.FirstStatusSeconds <= target ? "met" : "missed")} |");
        }

        Line(text, $"| Answers of 429 | {stats.Refused429} | 0: {(stats.Refused429 == 0 ? "met" : "missed")} |");
        Line(text, $"| Requests to the panel (`status`) | {stats.Requests:N0} ({stats.StatusRequests:N0}) | |");
        Line(text, $"| Order refreshes (ids asked) | {stats.Polled:N0} | |");
        var cpu = tracking.CpuAtCycles[^1] - tracking.CpuAtCycles[0];
        if (stats.Polled > 0)
        {
            Line(text, $"| Engine CPU per tracked order (per refresh) | {cpu.TotalMicroseconds / stats.Polled:F0} µs | |");
        }

        for (var i = 1; i < tracking.CpuAtCycles.Count; i++)
        {
            var cycleCpu = tracking.CpuAtCycles[i] - tracking.CpuAtCycles[i - 1];
            Line(text, $"| Engine CPU in cycle {i} / per order | {cycleCpu.TotalMilliseconds:F0} ms / {cycleCpu.TotalMicroseconds / settings.Orders:F0} µs | |");
        }

        var measured = stats.Cycles.Sum();
        if (measured > 0)
        {
            Line(text, $"| Engine CPU, share of one core | {100 * cpu.TotalSeconds / measured:F2} % | |");
        }

        Line(text, $"| Setup: {settings.Orders:N0} orders accepted and placed, no limit, no latency | {tracking.SetupSeconds:F1} s ({settings.Orders / tracking.SetupSeconds:F0} orders/s) | |");
        Line(text);
        Line(text, $"### Placement: {settings.Placements:N0} orders, the panel answering in {settings.LatencyMs} ms, no limit");
        Line(text);
        Line(text, "| Figure | Value |");
        Line(text, "|---|---:|");
        Line(text, $"| Accepted (stored with their event), while the engine places | {placement.Accepted.TotalSeconds:F1} s ({settings.Placements / placement.Accepted.TotalSeconds:F0} orders/s) |");
        Line(text, $"| Accepted and placed (from the first accept to the last placed) | {placement.Placed.TotalSeconds:F1} s |");
        Line(text, $"| **Accepted-and-placed orders per second** | **{settings.Placements / placement.Placed.TotalSeconds:F1}** |");
        var inFlight = new PlugsmmOrdersOptions().MaxConcurrentPlacements;
        Line(text, $"| Ceiling of {inFlight} `add`s at a time (`MaxConcurrentPlacements`, its default) at {settings.LatencyMs} ms | {inFlight * 1000.0 / settings.LatencyMs:F0} orders/s |");
        Line(text, $"| Engine CPU per placed order (accept, place, events) | {placement.Cpu.TotalMicroseconds / settings.Placements:F0} µs |");
        Line(text);
        Line(text, failures.Count == 0 ? "Run valid: no 429, every order placed and still tracked." : "**Run invalid:**");
        foreach (var failure in failures)
        {
            Line(text, "- " + failure);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString? line = null) =>
        text.Append(line is null ? string.Empty : line.ToString(Invariant)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
