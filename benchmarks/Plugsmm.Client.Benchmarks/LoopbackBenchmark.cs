using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// <c>--loopback</c> (issue 9, item 4): throughput on loopback against the simulated panel on Kestrel, not a
/// BenchmarkDotNet benchmark. The panel runs in its own process (<see cref="LoopbackPanelProcess"/>); this process
/// places orders of a service that stays Pending, then
/// <list type="number">
/// <item>64 concurrent callers of <c>status</c>: the client (as in production: one <see cref="PlugsmmClient"/> over
/// one <see cref="HttpClient"/> with the handler <c>AddPlugsmmClient</c> configures, logging enabled, metrics
/// listened to) against the raw baseline of <see cref="CallBenchmarks"/> (one shared default <see cref="HttpClient"/>,
/// <c>FormUrlEncodedContent</c>, <c>JsonSerializer</c>), in timed rounds that take turns (client, raw, raw, client,
/// …), with the TCP sockets of the server's port sampled throughout;</item>
/// <item>1,000 sequential <c>status</c> calls: the client against the panels' reference PHP <c>Api</c> class (curl,
/// a new connection per call; <c>benchmarks/php/time_api_status.php</c>), rounds taking turns likewise.</item>
/// </list>
/// Every answer is checked (status, remains and charge of that order); one wrong answer or failed call makes the
/// run invalid (exit code 1). <c>--diagnose</c> adds two sides to the concurrent rounds (the raw code over the
/// client's handler settings; the client without logging or listened metrics) and an allocation sample of the client
/// and the raw baseline. Progress goes to stderr, the markdown summary to stdout.
/// </summary>
internal static class LoopbackBenchmark
{
    private const string ClientSide = "client";
    private const string RawSide = "raw";
    private const string PhpSide = "php";
    private const string RawClientHandlerSide = "raw, client's handler";
    private const string QuietClientSide = "client, no logging or metrics";
    private const double MinRatioToRaw = 0.9;
    private const double MinRatioToPhp = 2.0;

    /// <summary>Connections a side may hold beyond one per caller before it counts as a leak.</summary>
    private const int SocketSlack = 4;

    /// <summary>A round is quiet when other processes took at most this share of the machine.</summary>
    private const double QuietShare = 0.10;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Settings.Parse(args) is not { } settings)
        {
            return 2;
        }

        if (!SocketProbe.Available)
        {
            Console.Error.WriteLine("loopback: /proc/net/tcp is missing; this run needs Linux.");
            return 1;
        }

        Directory.CreateDirectory(settings.OutDirectory);
        var started = TimeProvider.System.GetUtcNow();
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

        Progress("starting the simulated panel (its own process, Kestrel on loopback)");
        var server = await LoopbackPanelProcess.StartAsync().ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var probe = new SocketProbe(server.Address.Port, TimeSpan.FromMilliseconds(50)) { Side = ClientSide };
            await using (probe.ConfigureAwait(false))
            {
                return await RunAgainstAsync(settings, server, probe, started, load).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunAgainstAsync(Settings settings, LoopbackPanelProcess server, SocketProbe probe, DateTimeOffset started, string load)
    {
        // The client as AddPlugsmmClient builds it: this handler, no HttpClient timeout (the client's own applies).
        using var meters = new ListenedMeterFactory();
        using var clientHandler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        using var clientHttp = new HttpClient(clientHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PlugsmmClient(
            clientHttp,
            new PlugsmmClientOptions { ApiKey = server.ApiKey, BaseAddress = server.Address },
            new EnabledNullLogger<PlugsmmClient>(),
            TimeProvider.System,
            meters);

        // The raw baseline: what a developer writes by hand, one HttpClient for the whole app.
        using var rawHttp = new HttpClient();

        Progress($"panel at {server.Address} (pid {server.ProcessId}); placing {settings.Orders} orders");
        var orders = new StatusOrder[settings.Orders];
        for (var i = 0; i < orders.Length; i++)
        {
            var quantity = 1000 + (10 * i);
            var id = await client.AddOrderAsync(new DefaultOrder
            {
                ServiceId = LoopbackPanelProcess.Service.Id,
                Link = $"https://www.instagram.com/p/Loopback{i.ToString(CultureInfo.InvariantCulture)}/",
                Quantity = quantity,
            }).ConfigureAwait(false);
            orders[i] = new StatusOrder(id, quantity, LoopbackPanelProcess.Service.RatePer1000 * quantity / 1000m);
        }

        if (meters.EnabledInstruments == 0)
        {
            Console.Error.WriteLine("loopback: no instrument of the client's meter was published to the listener.");
            return 1;
        }

        var idsFile = Path.Combine(settings.OutDirectory, "orders.tsv");
        await File.WriteAllLinesAsync(idsFile, orders.Select(o => o.Line)).ConfigureAwait(false);
        var statsAtStart = await server.StatsAsync().ConfigureAwait(false);

        Func<StatusOrder, Task<bool>> clientCall = order => ClientStatusAsync(client, order);
        Func<StatusOrder, Task<bool>> rawCall = order => RawStatusAsync(rawHttp, server.Address, server.ApiKey, order);
        var sides = new List<(string Side, Func<StatusOrder, Task<bool>> Call)> { (ClientSide, clientCall), (RawSide, rawCall) };

        // --diagnose: two more sides that split the difference (not part of the targets).
        using var unlistened = new UnlistenedMeterFactory();
        using var rawWithClientHandler = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        using var quietHttp = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        if (settings.Diagnose)
        {
            // No logger, and a meter nobody listens to (the default meter has the client's meter name, which the
            // listener of the production-like client enables).
            var quiet = new PlugsmmClient(quietHttp, new PlugsmmClientOptions { ApiKey = server.ApiKey, BaseAddress = server.Address }, meterFactory: unlistened);
            sides.Add((RawClientHandlerSide, order => RawStatusAsync(rawWithClientHandler, server.Address, server.ApiKey, order)));
            sides.Add((QuietClientSide, order => ClientStatusAsync(quiet, order)));
        }

        // 1. Concurrent callers. Untimed rounds (warm-ups, allocation sampling) are kept for their errors only.
        var concurrent = new List<Round>();
        var untimed = new List<Round>();
        foreach (var (side, call) in sides)
        {
            Progress($"concurrent warm-up: {side}, {settings.Callers} callers, {settings.WarmupSeconds} s");
            untimed.Add(await ConcurrentRoundAsync(side, call, orders, settings.Callers, settings.WarmupSeconds, server, probe).ConfigureAwait(false));
        }

        probe.Side = "idle";
        probe.ResetPeaks();
        var socketsBeforeConcurrent = probe.Sample();
        for (var r = 0; r < settings.Rounds; r++)
        {
            foreach (var (side, call) in Turn(r, sides))
            {
                var round = await ConcurrentRoundAsync(side, call, orders, settings.Callers, settings.Seconds, server, probe).ConfigureAwait(false);
                concurrent.Add(round with { Number = r + 1 });
                Progress($"concurrent round {r + 1}/{settings.Rounds} {side,-6}: {round.CallsPerSecond,9:N0} calls/s, {round.Errors} errors, " +
                    $"sockets after: {round.SocketsAfter.Owned(side)} established, {round.SocketsAfter.TimeWait} TIME_WAIT");
            }
        }

        var socketsAfterConcurrent = probe.Sample();
        var concurrentPeaks = sides.ToDictionary(s => s.Side, s => probe.Peak(s.Side));

        // --diagnose: one more, untimed round of the client and of the raw baseline with allocations sampled.
        var allocations = new Dictionary<string, (Dictionary<string, long> Bytes, long Calls)>(StringComparer.Ordinal);
        if (settings.Diagnose)
        {
            using var sampler = new AllocationSampler();
            foreach (var (side, call) in sides.Where(s => s.Side is ClientSide or RawSide))
            {
                Progress($"allocation sampling: {side}, {settings.Seconds} s (not timed)");
                sampler.Take();
                sampler.On = true;
                var round = await ConcurrentRoundAsync(side, call, orders, settings.Callers, settings.Seconds, server, probe).ConfigureAwait(false);
                sampler.On = false;
                allocations[side] = (sampler.Take(), round.Calls);
                untimed.Add(round);
            }
        }

        var statsAfterConcurrent = await server.StatsAsync().ConfigureAwait(false);
        probe.ResetPeaks();
        probe.Paused = true;

        // 2. Sequential calls: the client against PHP's reference Api class.
        var sequential = new List<Round>();
        var socketsBeforeSequential = default(SocketCounts);
        if (settings.PhpScript is not null)
        {
            Progress($"sequential warm-up: client, {settings.SequentialCalls} calls");
            untimed.Add(await SequentialClientRoundAsync(clientCall, orders, settings.SequentialCalls, server, probe).ConfigureAwait(false));
            socketsBeforeSequential = probe.Sample();
            Func<Task<Round>> clientRound = () => SequentialClientRoundAsync(clientCall, orders, settings.SequentialCalls, server, probe);
            Func<Task<Round>> phpRound = () => PhpRoundAsync(settings, server, idsFile, probe);
            for (var r = 0; r < settings.SequentialRounds; r++)
            {
                foreach (var (side, run) in Turn(r, [(ClientSide, clientRound), (PhpSide, phpRound)]))
                {
                    probe.Side = side;
                    var round = await run().ConfigureAwait(false);
                    sequential.Add(round with { Number = r + 1 });
                    Progress($"sequential round {r + 1}/{settings.SequentialRounds} {side,-6}: {round.CallsPerSecond,9:N0} calls/s, {round.Errors} errors, " +
                        $"sockets after: {round.SocketsAfter.Owned(side)} established, {round.SocketsAfter.TimeWait} TIME_WAIT");
                }
            }
        }

        var statsAtEnd = await server.StatsAsync().ConfigureAwait(false);
        var results = new Results
        {
            Settings = settings,
            Started = started,
            Load = load,
            Server = server,
            StatsAtStart = statsAtStart,
            StatsAfterConcurrent = statsAfterConcurrent,
            StatsAtEnd = statsAtEnd,
            Concurrent = concurrent,
            ConcurrentPeaks = concurrentPeaks,
            SocketsBeforeConcurrent = socketsBeforeConcurrent,
            SocketsAfterConcurrent = socketsAfterConcurrent,
            Sequential = sequential,
            SocketsBeforeSequential = socketsBeforeSequential,
            PhpPeak = probe.Peak(PhpSide),
            Untimed = untimed,
            Allocations = allocations,
        };
        var (markdown, valid) = Summarize(results);
        Console.Out.Write(markdown);
        return valid ? 0 : 1;
    }

    /// <summary>Round <paramref name="r"/>'s order: A then B, then B then A, so a drift of the machine weighs on both alike.</summary>
    private static List<(string Side, T Run)> Turn<T>(int r, List<(string Side, T Run)> sides) =>
        r % 2 == 0 ? sides : Enumerable.Reverse(sides).ToList();

    private static async Task<bool> ClientStatusAsync(PlugsmmClient client, StatusOrder order)
    {
        var status = await client.GetOrderStatusAsync(order.Id).ConfigureAwait(false);
        return status is { State: OrderState.Pending, StatusText: "Pending", Currency: "USD" }
            && status.Remains == order.Remains && status.Charge == order.Charge;
    }

    /// <summary>As <see cref="CallBenchmarks.Raw_Status"/>, against the server.</summary>
    private static async Task<bool> RawStatusAsync(HttpClient http, Uri address, string apiKey, StatusOrder order)
    {
        using var content = new FormUrlEncodedContent(
        [
            new("key", apiKey),
            new("action", "status"),
            new("order", order.Id.ToString(CultureInfo.InvariantCulture)),
        ]);
        using var response = await http.PostAsync(address, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var answer = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawStatus).ConfigureAwait(false);
            return answer is { Status: "Pending", Currency: "USD" } && answer.Remains == order.Remains && answer.Charge == order.Charge;
        }
    }

    private static async Task<Round> ConcurrentRoundAsync(
        string side, Func<StatusOrder, Task<bool>> call, StatusOrder[] orders, int callers, double seconds, LoopbackPanelProcess server, SocketProbe probe)
    {
        probe.Side = side;
        var errors = new ErrorCount();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var before = CpuSnapshot.Take(server);
        var deadline = before.Timestamp + (long)(seconds * Stopwatch.Frequency);
        var tasks = new Task<long>[callers];
        for (var c = 0; c < callers; c++)
        {
            var first = c;
            tasks[c] = Task.Run(async () =>
            {
                long calls = 0;
                for (var i = first; Stopwatch.GetTimestamp() < deadline; i++, calls++)
                {
                    await errors.CallAsync(call, orders[i % orders.Length]).ConfigureAwait(false);
                }

                return calls;
            });
        }

        var total = (await Task.WhenAll(tasks).ConfigureAwait(false)).Sum();
        var after = CpuSnapshot.Take(server);
        allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        var sockets = probe.Sample(); // still counted as this side's
        probe.Side = "idle";
        return new Round
        {
            Side = side,
            Calls = total,
            ServerCalls = total,
            Errors = errors.Count,
            FirstError = errors.First,
            Seconds = CpuShares.Between(before, after).Seconds,
            Cpu = CpuShares.Between(before, after),
            CallerCpuSeconds = (after.Self - before.Self).TotalSeconds,
            AllocatedBytes = allocated,
            SocketsAfter = sockets,
        };
    }

    private static async Task<Round> SequentialClientRoundAsync(
        Func<StatusOrder, Task<bool>> call, StatusOrder[] orders, int calls, LoopbackPanelProcess server, SocketProbe probe)
    {
        probe.Side = ClientSide;
        var errors = new ErrorCount();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var before = CpuSnapshot.Take(server);
        for (var i = 0; i < calls; i++)
        {
            await errors.CallAsync(call, orders[i % orders.Length]).ConfigureAwait(false);
        }

        var after = CpuSnapshot.Take(server);
        allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        var sockets = probe.Sample(); // still counted as this side's
        probe.Side = "idle";
        var cpu = CpuShares.Between(before, after);
        return new Round
        {
            Side = ClientSide,
            Calls = calls,
            ServerCalls = calls,
            Errors = errors.Count,
            FirstError = errors.First,
            Seconds = cpu.Seconds,
            Cpu = cpu,
            CallerCpuSeconds = (after.Self - before.Self).TotalSeconds,
            AllocatedBytes = allocated,
            SocketsAfter = sockets,
        };
    }

    /// <summary>One PHP process: its warm-up, then the timed calls; the rate is PHP's own (hrtime around the calls).</summary>
    private static async Task<Round> PhpRoundAsync(Settings settings, LoopbackPanelProcess server, string idsFile, SocketProbe probe)
    {
        probe.Side = PhpSide;
        var start = new ProcessStartInfo(settings.PhpCommand[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in settings.PhpCommand.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[]
        {
            settings.PhpScript!, server.Address.ToString(), server.ApiKey, idsFile,
            $"--calls={settings.SequentialCalls.ToString(CultureInfo.InvariantCulture)}",
            $"--warmup={settings.PhpWarmupCalls.ToString(CultureInfo.InvariantCulture)}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var before = CpuSnapshot.Take(server);
        using var php = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {settings.PhpCommand[0]}.");
        var output = php.StandardOutput.ReadToEndAsync();
        var error = php.StandardError.ReadToEndAsync();
        await php.WaitForExitAsync().ConfigureAwait(false);
        var after = CpuSnapshot.Take(server);
        var sockets = probe.Sample(); // still counted as this side's
        probe.Side = "idle";
        var text = await output.ConfigureAwait(false);
        var stderr = await error.ConfigureAwait(false);
        if (php.ExitCode != 0 || text.Trim().Length == 0)
        {
            return new Round
            {
                Side = PhpSide,
                Errors = 1,
                FirstError = $"php exited with {php.ExitCode.ToString(CultureInfo.InvariantCulture)}: {stderr.Trim()} {text.Trim()}",
                SocketsAfter = sockets,
            };
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var cpu = CpuShares.Between(before, after);
        return new Round
        {
            Side = PhpSide,
            Calls = root.GetProperty("calls").GetInt64(),
            ServerCalls = root.GetProperty("calls").GetInt64() + root.GetProperty("warmup").GetInt64(),
            Errors = root.GetProperty("errors").GetInt64(),
            FirstError = root.GetProperty("first_error").GetString(),
            Seconds = root.GetProperty("seconds").GetDouble(),
            Cpu = cpu,
            CallerCpuSeconds = root.GetProperty("cpu_user_seconds").GetDouble() + root.GetProperty("cpu_system_seconds").GetDouble(),
            ProcessCpuSeconds = root.GetProperty("cpu_process_seconds").GetDouble(),
            SocketsAfter = sockets,
            Php = $"PHP {root.GetProperty("php").GetString()}, libcurl {root.GetProperty("curl").GetString()}",
        };
    }

    private static (string Markdown, bool Valid) Summarize(Results results)
    {
        var settings = results.Settings;
        var concurrent = results.Concurrent;
        var sequential = results.Sequential;
        var concurrentPeaks = results.ConcurrentPeaks;
        var socketsBeforeConcurrent = results.SocketsBeforeConcurrent;
        var socketsAfterConcurrent = results.SocketsAfterConcurrent;
        var statsAtStart = results.StatsAtStart;
        var statsAtEnd = results.StatsAtEnd;
        var md = new StringBuilder();
        var everyRound = concurrent.Concat(sequential).Concat(results.Untimed).ToList();
        var errors = everyRound.Sum(r => r.Errors);
        var php = sequential.FirstOrDefault(r => r.Php is not null)?.Php ?? "PHP not run";
        md.AppendLine(Inv($"## Loopback run of {results.Started:yyyy-MM-dd HH:mm} UTC")).AppendLine()
            .AppendLine(Inv($"- Machine: {Environment.ProcessorCount} CPUs ({CpuModel()}), {RuntimeInformation.OSDescription}; load average before the run: {results.Load}."))
            .AppendLine(Inv($"- .NET {Environment.Version} ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC in the callers' process; the panel's: {(statsAtEnd.ServerGc ? "server" : "workstation")}); {php}."))
            .AppendLine(Inv($"- Panel: `SimulatedPanel.CreateDefault()` plus a service that stays Pending, on Kestrel at {results.Server.Address} in its own process; {settings.Orders} orders, every answer checked (status, remains, charge)."))
            .AppendLine(Inv($"- Concurrent: {settings.Callers} callers, {settings.Rounds} rounds of {settings.Seconds} s per side after {settings.WarmupSeconds} s of warm-up each, taking turns (client, raw, raw, client, …). Sequential: {settings.SequentialRounds} rounds of {settings.SequentialCalls:N0} calls per side, same turns; PHP warms up with {settings.PhpWarmupCalls} calls in each process, untimed."))
            .AppendLine();

        if (errors > 0)
        {
            md.AppendLine(Inv($"**INVALID RUN: {errors} calls failed or were answered wrongly.**"));
            foreach (var round in everyRound.Where(r => r.Errors > 0).Take(5))
            {
                md.AppendLine(Inv($"- {round.Side}, round {round.Number}: {round.Errors} errors; first: {round.FirstError}"));
            }

            md.AppendLine();
        }

        // Concurrent.
        md.AppendLine(Inv($"### {settings.Callers} concurrent callers, `status`: client vs raw `HttpClient`")).AppendLine()
            .AppendLine(RateHeader);
        foreach (var side in concurrentPeaks.Keys.OrderBy(SideOrder))
        {
            AppendRateRow(md, SideName(side), concurrent.Where(r => r.Side == side).ToList(), allocation: true);
        }

        var rawRate = Median(concurrent.Where(r => r.Side == RawSide).Select(r => r.CallsPerSecond));
        var clientRate = Median(concurrent.Where(r => r.Side == ClientSide).Select(r => r.CallsPerSecond));
        var concurrentRatio = clientRate / rawRate;
        var pairRatios = PairRatios(concurrent, ClientSide, RawSide);
        var callerCpuRatio = Median(concurrent.Where(r => r.Side == ClientSide).Select(r => r.CallerCpuMicrosPerCall))
            / Median(concurrent.Where(r => r.Side == RawSide).Select(r => r.CallerCpuMicrosPerCall));
        md.AppendLine()
            .AppendLine(Inv($"Client / raw throughput: **{concurrentRatio:0.000}×** (medians of all rounds); per round pair {pairRatios.Min():0.000}× – {pairRatios.Max():0.000}×; quiet rounds only: {QuietRatio(concurrent, ClientSide, RawSide, "0.000")}. Caller CPU per call, client / raw: {callerCpuRatio:0.00}×."))
            .AppendLine();
        AppendCpuTable(md, concurrent, [.. concurrentPeaks.Keys.OrderBy(SideOrder)]);
        if (concurrentPeaks.ContainsKey(QuietClientSide))
        {
            var quietRatio = Median(concurrent.Where(r => r.Side == QuietClientSide).Select(r => r.CallsPerSecond)) / rawRate;
            var handlerRatio = Median(concurrent.Where(r => r.Side == RawClientHandlerSide).Select(r => r.CallsPerSecond)) / rawRate;
            md.AppendLine(Inv($"Diagnostic sides (`--diagnose`), throughput / raw: raw code over the client's handler settings {handlerRatio:0.000}×; the client without logging or metrics {quietRatio:0.000}×.")).AppendLine();
        }

        if (results.Allocations.Count > 0)
        {
            AppendAllocations(md, results.Allocations);
        }

        // Sockets.
        md.AppendLine("#### Sockets of the server's port (sampled every 50 ms from /proc/net/tcp and tcp6)").AppendLine()
            .AppendLine("| Side | Peak own ESTABLISHED | Peak TIME_WAIT (port) | Own ESTABLISHED after its last round | TIME_WAIT before → after the phase | Bounded, no TIME_WAIT growth |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        var socketsOk = true;
        foreach (var side in concurrentPeaks.Keys.OrderBy(SideOrder))
        {
            var peak = concurrentPeaks[side];
            var last = concurrent.Last(r => r.Side == side).SocketsAfter;
            var growth = socketsAfterConcurrent.TimeWait - socketsBeforeConcurrent.TimeWait;
            var ok = peak.Established <= settings.Callers + SocketSlack && growth <= SocketSlack;
            if (side == ClientSide)
            {
                socketsOk = ok;
            }

            md.AppendLine(Inv($"| {SideName(side)} | {peak.Established} | {peak.TimeWait} | {last.Owned(side)} | {socketsBeforeConcurrent.TimeWait} → {socketsAfterConcurrent.TimeWait} | {(ok ? "yes" : "**no**")} |"));
        }

        md.AppendLine();

        // Sequential.
        double sequentialRatio = double.NaN;
        if (sequential.Count > 0)
        {
            var before = results.SocketsBeforeSequential;
            md.AppendLine(Inv($"### {settings.SequentialCalls:N0} sequential `status` calls: client vs PHP's reference `Api` class (curl)")).AppendLine()
                .AppendLine(RateHeader);
            AppendRateRow(md, "PHP `Api` (curl)", sequential.Where(r => r.Side == PhpSide).ToList(), allocation: false);
            AppendRateRow(md, "`PlugsmmClient`", sequential.Where(r => r.Side == ClientSide).ToList(), allocation: true);
            var phpRate = Median(sequential.Where(r => r.Side == PhpSide).Select(r => r.CallsPerSecond));
            var clientSequential = Median(sequential.Where(r => r.Side == ClientSide).Select(r => r.CallsPerSecond));
            sequentialRatio = clientSequential / phpRate;
            var sequentialPairs = PairRatios(sequential, ClientSide, PhpSide);
            var phpPeak = results.PhpPeak;
            var phpLast = sequential.Last(r => r.Side == PhpSide).SocketsAfter;
            md.AppendLine()
                .AppendLine(Inv($"Client / PHP throughput: **{sequentialRatio:0.00}×** (medians of all rounds); per round pair {sequentialPairs.Min():0.00}× – {sequentialPairs.Max():0.00}×; quiet rounds only: {QuietRatio(sequential, ClientSide, PhpSide, "0.00")}."))
                .AppendLine()
                .AppendLine(Inv($"Sockets: the client made its calls over its pooled connections (own ESTABLISHED after its last round: {sequential.Last(r => r.Side == ClientSide).SocketsAfter.Owned(ClientSide)}); PHP opened a connection per call: TIME_WAIT on the port went from {before.TimeWait} before the phase to {phpLast.TimeWait} after PHP's last round (peak {phpPeak.TimeWait})."))
                .AppendLine();
            AppendCpuTable(md, sequential, [PhpSide, ClientSide]);
        }

        // The panel.
        md.AppendLine("### The panel process").AppendLine()
            .AppendLine("| When | Ledger requests | Orders | Heap after a full GC | Working set | GCs (gen 0/1/2) | GC pause total | CPU |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (when, stats) in new[] { ("after placing the orders", statsAtStart), ("after the concurrent phase", results.StatsAfterConcurrent), ("at the end", statsAtEnd) })
        {
            md.AppendLine(Inv($"| {when} | {stats.Requests:N0} | {stats.Orders:N0} | {stats.HeapBytes / 1048576.0:0.0} MB | {stats.WorkingSetBytes / 1048576.0:0} MB | {stats.Gen0Collections}/{stats.Gen1Collections}/{stats.Gen2Collections} | {stats.GcPauseMilliseconds:N0} ms | {stats.CpuSeconds:0.0} s |"));
        }

        var retained = statsAtEnd.Requests > statsAtStart.Requests
            ? (double)(statsAtEnd.HeapBytes - statsAtStart.HeapBytes) / (statsAtEnd.Requests - statsAtStart.Requests)
            : double.NaN;
        md.AppendLine()
            .AppendLine(Inv($"The ledger keeps every request: the panel's heap grew by ≈ {retained:0} bytes per request."))
            .AppendLine();

        // Targets.
        md.AppendLine("### Targets").AppendLine()
            .AppendLine("| Target | Result | Met |")
            .AppendLine("| --- | --- | --- |")
            .AppendLine(Inv($"| {settings.Callers} concurrent callers: client ≥ {MinRatioToRaw}× raw `HttpClient`'s throughput | {concurrentRatio:0.000}× (pairs {pairRatios.Min():0.000}–{pairRatios.Max():0.000}×) | {Verdict(concurrentRatio, MinRatioToRaw)} |"))
            .AppendLine(Inv($"| No socket exhaustion (client: own connections ≤ {settings.Callers} + {SocketSlack}, TIME_WAIT not growing) | peak {concurrentPeaks[ClientSide].Established} established; TIME_WAIT {socketsBeforeConcurrent.TimeWait} → {socketsAfterConcurrent.TimeWait} | {(socketsOk ? "yes" : "**no**")} |"));
        if (!double.IsNaN(sequentialRatio))
        {
            md.AppendLine(Inv($"| {settings.SequentialCalls:N0} sequential `status`: client ≥ {MinRatioToPhp}× PHP `Api`'s throughput | {sequentialRatio:0.00}× | {Verdict(sequentialRatio, MinRatioToPhp)} |"));
        }

        md.AppendLine()
            .AppendLine(errors == 0 ? "Every answer was right (0 errors)." : Inv($"**{errors} errors: the run is invalid.**"))
            .AppendLine();

        // Rounds.
        md.AppendLine("<details><summary>Every round</summary>").AppendLine()
            .AppendLine("| Phase | Round | Side | Calls | Seconds | Calls/s | Caller CPU | Panel CPU | Other processes | Machine busy | of it irq+softirq | Steal | Own ESTABLISHED after | TIME_WAIT after |")
            .AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (phase, rounds) in new[] { ("concurrent", concurrent), ("sequential", sequential) })
        {
            foreach (var r in rounds)
            {
                md.AppendLine(Inv($"| {phase} | {r.Number} | {r.Side} | {r.Calls:N0} | {r.Seconds:0.000} | {r.CallsPerSecond:N0} | {r.CallerShare:P0} | {r.Cpu.Server:P0} | {r.OtherShare:P0} | {r.Cpu.Machine:P0} | {r.Cpu.Interrupts:P0} | {r.Cpu.Steal:P1} | {r.SocketsAfter.Owned(r.Side)} | {r.SocketsAfter.TimeWait} |"));
            }
        }

        md.AppendLine().AppendLine("</details>");
        return (md.ToString(), errors == 0);
    }

    /// <summary>The types that take the most bytes per call on the client's side, beside the raw baseline's.</summary>
    private static void AppendAllocations(StringBuilder md, Dictionary<string, (Dictionary<string, long> Bytes, long Calls)> allocations)
    {
        double PerCall(string side, Func<string, bool> which) =>
            allocations.TryGetValue(side, out var a) && a.Calls > 0 ? a.Bytes.Where(kv => which(kv.Key)).Sum(kv => kv.Value) / (double)a.Calls : double.NaN;

        md.AppendLine("#### Where the bytes go (`--diagnose`: allocations sampled by the runtime, one more untimed round per side)").AppendLine()
            .AppendLine(Inv($"Sampled: client {PerCall(ClientSide, _ => true):N0} B/call, raw {PerCall(RawSide, _ => true):N0} B/call; of the client's, Polly's pipeline (its async state machines and outcomes) {PerCall(ClientSide, t => t.Contains("Polly", StringComparison.Ordinal)):N0} B/call and the client's own async methods {PerCall(ClientSide, t => t.Contains("Plugsmm.Client.PlugsmmClient+", StringComparison.Ordinal)):N0} B/call."))
            .AppendLine()
            .AppendLine("| Type (client, top 15) | B/call | Raw baseline, B/call |")
            .AppendLine("| --- | ---: | ---: |");
        var raw = allocations.GetValueOrDefault(RawSide, (Bytes: new Dictionary<string, long>(), Calls: 0L));
        if (allocations.TryGetValue(ClientSide, out var client) && client.Calls > 0)
        {
            foreach (var (type, bytes) in client.Bytes.OrderByDescending(kv => kv.Value).Take(15))
            {
                var rawBytes = raw.Bytes.TryGetValue(type, out var b) && raw.Calls > 0 ? Inv($"{b / (double)raw.Calls:N0}") : "–";
                md.AppendLine(Inv($"| `{type.Replace("|", "\\|", StringComparison.Ordinal)}` | {bytes / (double)client.Calls:N0} | {rawBytes} |"));
            }
        }

        md.AppendLine();
    }

    private static int SideOrder(string side) => side switch
    {
        PhpSide => 0,
        RawSide => 1,
        RawClientHandlerSide => 2,
        QuietClientSide => 3,
        _ => 4,
    };

    private static string SideName(string side) => side switch
    {
        RawSide => "raw `HttpClient`",
        ClientSide => "`PlugsmmClient`",
        PhpSide => "PHP `Api` (curl)",
        _ => side,
    };

    private const string RateHeader = """
        | Side | Calls/s, median | min – max | Quiet rounds: median (rounds) | Calls | Caller CPU µs/call | Panel CPU µs/call | Allocated B/call (callers) | Errors |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        """;

    /// <summary>The ratio of the medians of a's and b's quiet rounds, and how many there were.</summary>
    private static string QuietRatio(List<Round> rounds, string a, string b, string format)
    {
        var quietA = rounds.Where(r => r.Side == a && r.Quiet).Select(r => r.CallsPerSecond).ToList();
        var quietB = rounds.Where(r => r.Side == b && r.Quiet).Select(r => r.CallsPerSecond).ToList();
        return quietA.Count == 0 || quietB.Count == 0
            ? "no quiet rounds on both sides"
            : (Median(quietA) / Median(quietB)).ToString(format, CultureInfo.InvariantCulture) + Inv($"× ({quietA.Count} and {quietB.Count} quiet rounds)");
    }

    private static void AppendRateRow(StringBuilder md, string name, List<Round> rounds, bool allocation)
    {
        if (rounds.Count == 0)
        {
            return;
        }

        var rates = rounds.Select(r => r.CallsPerSecond).ToList();
        var calls = rounds.Sum(r => r.Calls);
        var bytes = allocation ? Inv($"{rounds.Sum(r => r.AllocatedBytes) / (double)calls:N0}") : "–";
        var quiet = rounds.Where(r => r.Quiet).Select(r => r.CallsPerSecond).ToList();
        md.AppendLine(Inv($"| {name} | {Median(rates):N0} | {rates.Min():N0} – {rates.Max():N0} | {(quiet.Count > 0 ? Inv($"{Median(quiet):N0}") : "–")} ({quiet.Count}/{rates.Count}) | {calls:N0} | {Median(rounds.Select(r => r.CallerCpuMicrosPerCall)):0.0} | {Median(rounds.Select(r => r.ServerCpuMicrosPerCall)):0.0} | {bytes} | {rounds.Sum(r => r.Errors)} |"));
    }

    /// <summary>Where the machine's CPU went during each side's rounds (medians over the rounds).</summary>
    private static void AppendCpuTable(StringBuilder md, List<Round> rounds, string[] sides)
    {
        md.AppendLine("| Side | Machine busy | Callers' process | Panel process | Other processes | Steal |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var side in sides)
        {
            var mine = rounds.Where(r => r.Side == side && r.Calls > 0).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            md.AppendLine(Inv($"| {SideName(side)} | {Median(mine.Select(r => r.Cpu.Machine)):P0} | {Median(mine.Select(r => r.CallerShare)):P0} | {Median(mine.Select(r => r.Cpu.Server)):P0} | {Median(mine.Select(r => r.OtherShare)):P0} | {Median(mine.Select(r => r.Cpu.Steal)):P1} |"));
        }

        md.AppendLine().AppendLine("Shares of the whole machine (all CPUs) over each round's wall time, medians of the rounds; a round is quiet when other processes took ≤ 10 %; \"other processes\" is the machine's busy time minus the callers' process and the panel's (for PHP: minus the PHP process, the panel's and this run's own): other users of the machine and kernel threads.").AppendLine();
    }

    /// <summary>a / b for each round number where both sides ran.</summary>
    private static List<double> PairRatios(List<Round> rounds, string a, string b) =>
        rounds.Where(r => r.Side == a)
            .Join(rounds.Where(r => r.Side == b), r => r.Number, r => r.Number, (x, y) => x.CallsPerSecond / y.CallsPerSecond)
            .DefaultIfEmpty(double.NaN)
            .ToList();

    private static string Verdict(double ratio, double target) =>
        ratio >= target ? "**yes**" : Inv($"**no**, missed by {(1 - (ratio / target)) * 100:0.0} %");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return "unknown CPU";
        }

        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Progress(string message) => Console.Error.WriteLine("loopback: " + message);

    /// <summary>An order the run asks about, and the one answer it must get.</summary>
    private sealed record StatusOrder(long Id, long Remains, decimal Charge)
    {
        /// <summary>For the PHP script: id, remains and charge as the panel writes them.</summary>
        public string Line => Inv($"{Id}\t{Remains}\t{Charge}");
    }

    /// <summary>Counts failed and wrongly answered calls; keeps the first message.</summary>
    private sealed class ErrorCount
    {
        private long _count;
        private string? _first;

        public long Count => Interlocked.Read(ref _count);

        public string? First => Volatile.Read(ref _first);

        public async Task CallAsync(Func<StatusOrder, Task<bool>> call, StatusOrder order)
        {
            string? error;
            try
            {
                error = await call(order).ConfigureAwait(false) ? null : Inv($"order {order.Id}: wrong answer");
            }
            catch (Exception exception) when (exception is PlugsmmException or HttpRequestException or JsonException or IOException or OperationCanceledException)
            {
                error = Inv($"order {order.Id}: {exception.GetType().Name}: {exception.Message}");
            }

            if (error is not null)
            {
                Interlocked.Increment(ref _count);
                Interlocked.CompareExchange(ref _first, error, null);
            }
        }
    }

    /// <summary>Meters under a name no listener enables: the client records no metrics.</summary>
    private sealed class UnlistenedMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter("Plugsmm.Client.Benchmarks.Unlistened");
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }

    /// <summary>Everything the summary is made of.</summary>
    private sealed record Results
    {
        public required Settings Settings { get; init; }

        public required DateTimeOffset Started { get; init; }

        public required string Load { get; init; }

        public required LoopbackPanelProcess Server { get; init; }

        public required PanelStats StatsAtStart { get; init; }

        public required PanelStats StatsAfterConcurrent { get; init; }

        public required PanelStats StatsAtEnd { get; init; }

        public required List<Round> Concurrent { get; init; }

        public required Dictionary<string, (int Established, int TimeWait, int All)> ConcurrentPeaks { get; init; }

        public required SocketCounts SocketsBeforeConcurrent { get; init; }

        public required SocketCounts SocketsAfterConcurrent { get; init; }

        public required List<Round> Sequential { get; init; }

        public required SocketCounts SocketsBeforeSequential { get; init; }

        public required (int Established, int TimeWait, int All) PhpPeak { get; init; }

        /// <summary>Warm-ups and allocation-sampling rounds: their errors count, their rates do not.</summary>
        public required List<Round> Untimed { get; init; }

        public required Dictionary<string, (Dictionary<string, long> Bytes, long Calls)> Allocations { get; init; }
    }

    private sealed record Round
    {
        public required string Side { get; init; }

        public int Number { get; init; }

        public long Calls { get; init; }

        /// <summary>Calls the panel served in the round's span (PHP's include its warm-up).</summary>
        public long ServerCalls { get; init; }

        public long Errors { get; init; }

        public string? FirstError { get; init; }

        public double Seconds { get; init; }

        public CpuShares Cpu { get; init; }

        /// <summary>CPU seconds of the calling side (this process; for PHP, the PHP process over its timed calls).</summary>
        public double CallerCpuSeconds { get; init; }

        /// <summary>PHP only: the PHP process's CPU seconds from start to end.</summary>
        public double? ProcessCpuSeconds { get; init; }

        public long AllocatedBytes { get; init; }

        public SocketCounts SocketsAfter { get; init; }

        public string? Php { get; init; }

        public double CallsPerSecond => Seconds > 0 ? Calls / Seconds : double.NaN;

        public double CallerCpuMicrosPerCall => Calls > 0 ? CallerCpuSeconds * 1e6 / Calls : double.NaN;

        public double ServerCpuMicrosPerCall => ServerCalls > 0 ? Cpu.Server * Cpu.Seconds * Environment.ProcessorCount * 1e6 / ServerCalls : double.NaN;

        /// <summary>The calling side's share of the machine over the round's span.</summary>
        public double CallerShare => ProcessCpuSeconds is { } php
            ? php / (Cpu.Seconds * Environment.ProcessorCount)
            : Cpu.Self;

        /// <summary>Other processes took at most 10 % of the machine during the round.</summary>
        public bool Quiet => Calls > 0 && OtherShare <= QuietShare;

        public double OtherShare => Math.Max(0, Cpu.Machine - CallerShare - Cpu.Server - (ProcessCpuSeconds is null ? 0 : Cpu.Self));
    }

    private sealed record Settings
    {
        public int Callers { get; init; } = 64;

        public int Orders { get; init; } = 64;

        public int Rounds { get; init; } = 8;

        public double Seconds { get; init; } = 2;

        public double WarmupSeconds { get; init; } = 2;

        public int SequentialCalls { get; init; } = 1000;

        public int SequentialRounds { get; init; } = 20;

        public bool Diagnose { get; init; }

        public int PhpWarmupCalls { get; init; } = 50;

        public string? PhpScript { get; init; }

        public string[] PhpCommand { get; init; } = ["php", "-n", "-d", "extension=curl"];

        public string OutDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "plugsmm-loopback");

        public static Settings? Parse(string[] args)
        {
            var settings = new Settings();
            for (var i = 0; i < args.Length; i += 2)
            {
                if (args[i] == "--diagnose")
                {
                    settings = settings with { Diagnose = true };
                    i--;
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    return Usage($"{args[i]} needs a value");
                }

                var value = args[i + 1];
                var inv = CultureInfo.InvariantCulture;
                settings = args[i] switch
                {
                    "--callers" => settings with { Callers = int.Parse(value, inv) },
                    "--orders" => settings with { Orders = int.Parse(value, inv) },
                    "--rounds" => settings with { Rounds = int.Parse(value, inv) },
                    "--seconds" => settings with { Seconds = double.Parse(value, inv) },
                    "--warmup-seconds" => settings with { WarmupSeconds = double.Parse(value, inv) },
                    "--calls" => settings with { SequentialCalls = int.Parse(value, inv) },
                    "--sequential-rounds" => settings with { SequentialRounds = int.Parse(value, inv) },
                    "--php-warmup" => settings with { PhpWarmupCalls = int.Parse(value, inv) },
                    "--php-script" => settings with { PhpScript = Path.GetFullPath(value) },
                    "--php" => settings with { PhpCommand = value.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
                    "--out" => settings with { OutDirectory = Path.GetFullPath(value) },
                    _ => null,
                };
                if (settings is null)
                {
                    return Usage($"unknown option {args[i]}");
                }
            }

            return settings.Callers > 0 && settings.Orders > 0 && settings.Rounds > 0 && settings.SequentialRounds > 0 && settings.SequentialCalls > 0 && settings.PhpCommand.Length > 0
                ? settings
                : Usage("counts must be positive");
        }

        private static Settings? Usage(string problem)
        {
            Console.Error.WriteLine($"loopback: {problem}");
            Console.Error.WriteLine("usage: --loopback [--php-script FILE] [--php \"php -n -d extension=curl\"] [--callers 64] [--orders 64] [--rounds 8] [--seconds 2] [--warmup-seconds 2] [--calls 1000] [--sequential-rounds 20] [--php-warmup 50] [--out DIR] [--diagnose]");
            return null;
        }
    }
}
