using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// The simulated panel on Kestrel in a process of its own (this app with <c>--serve-panel</c>), so that its CPU
/// time and its garbage collections are its own and can be told apart from the callers'. It speaks on its
/// standard streams: one JSON line with the address and key once it listens; then <c>stats</c> on stdin gets
/// one JSON line (ledger size, orders, heap after a full collection, collections, CPU time), and <c>stop</c> or
/// the end of stdin stops it.
/// </summary>
internal sealed class LoopbackPanelProcess : IAsyncDisposable
{
    /// <summary>
    /// The service the run orders from, added to <see cref="SimulatedPanel.CreateDefault"/>'s catalogue: it starts a
    /// day after the order, so every <c>status</c> of the run has one known answer (Pending, all remaining).
    /// </summary>
    public static readonly SimulatedService Service = new()
    {
        Id = 100,
        Name = "Loopback benchmark [starts in a day]",
        Category = "Benchmark",
        RatePer1000 = 0.85m,
        Min = 10,
        Max = 100_000,
        StartDelay = TimeSpan.FromDays(1),
    };

    private readonly Process _process;

    private LoopbackPanelProcess(Process process, Uri address, string apiKey)
    {
        _process = process;
        Address = address;
        ApiKey = apiKey;
    }

    public Uri Address { get; }

    public string ApiKey { get; }

    public int ProcessId => _process.Id;

    /// <summary>The server process's CPU time so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary><c>--serve-panel</c>: runs the panel until stdin says <c>stop</c> or ends.</summary>
    public static async Task<int> ServeAsync()
    {
        var panel = SimulatedPanel.CreateDefault();
        await using (panel.ConfigureAwait(false))
        {
            panel.Services.Add(Service);
            panel.SetBalance(1_000_000m);
            var address = await panel.StartAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new Dictionary<string, string> { ["address"] = address.ToString(), ["key"] = panel.ApiKey },
                LoopbackJsonContext.Default.DictionaryStringString)).ConfigureAwait(false);
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line && line != "stop")
            {
                if (line == "stats")
                {
                    await Console.Out.WriteLineAsync(Stats(panel)).ConfigureAwait(false);
                }
            }
        }

        return 0;
    }

    /// <summary>Starts <c>--serve-panel</c> as a child process and waits until it listens.</summary>
    public static async Task<LoopbackPanelProcess> StartAsync()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the panel with.");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoopbackPanelProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--serve-panel");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path} --serve-panel.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The panel process ended before it listened.");
            var hello = JsonSerializer.Deserialize(line, LoopbackJsonContext.Default.DictionaryStringString)!;
            return new LoopbackPanelProcess(process, new Uri(hello["address"]), hello["key"]);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>The server's figures now (it runs a full collection first, so the heap is what it retains).</summary>
    public async Task<PanelStats> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The panel process ended.");
        return JsonSerializer.Deserialize(line, LoopbackJsonContext.Default.PanelStats)!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("stop").ConfigureAwait(false);
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string Stats(SimulatedPanel panel)
    {
        var requests = panel.Requests.Count;
        var orders = panel.Orders.Count;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var stats = new PanelStats
        {
            Requests = requests,
            Orders = orders,
            HeapBytes = heap,
            WorkingSetBytes = Environment.WorkingSet,
            Gen0Collections = GC.CollectionCount(0),
            Gen1Collections = GC.CollectionCount(1),
            Gen2Collections = GC.CollectionCount(2),
            GcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
            CpuSeconds = Environment.CpuUsage.TotalTime.TotalSeconds,
            ServerGc = System.Runtime.GCSettings.IsServerGC,
            Runtime = string.Create(CultureInfo.InvariantCulture, $"{Environment.Version}"),
        };
        return JsonSerializer.Serialize(stats, LoopbackJsonContext.Default.PanelStats);
    }
}

/// <summary>What the panel process reports on <c>stats</c>.</summary>
internal sealed class PanelStats
{
    public long Requests { get; set; }

    public long Orders { get; set; }

    public long HeapBytes { get; set; }

    public long WorkingSetBytes { get; set; }

    public int Gen0Collections { get; set; }

    public int Gen1Collections { get; set; }

    public int Gen2Collections { get; set; }

    public double GcPauseMilliseconds { get; set; }

    public double CpuSeconds { get; set; }

    public bool ServerGc { get; set; }

    public string Runtime { get; set; } = string.Empty;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(PanelStats))]
internal sealed partial class LoopbackJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
