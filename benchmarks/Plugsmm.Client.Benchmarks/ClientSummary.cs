using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// <c>--summarize-client</c>: the client against the raw baseline (per call) and against PHP's <c>json_decode</c>
/// (catalogue), all from the same run, with the targets. A missed target is reported, not failed; missing or
/// inconsistent input is exit code 1.
/// </summary>
internal static class ClientSummary
{
    private const double MaxRatioToRaw = 1.0;
    private const double MaxRatioToPhp = 1.25; // issue 17: the catalogue at most 1.25x PHP's json_decode

    private static readonly (string Call, string Raw, string Client)[] Calls =
    [
        ("`add`", nameof(CallBenchmarks.Raw_Add), nameof(CallBenchmarks.Client_Add)),
        ("`status`", nameof(CallBenchmarks.Raw_Status), nameof(CallBenchmarks.Client_Status)),
        ("`status` × 100 ids", nameof(CallBenchmarks.Raw_MultiStatus), nameof(CallBenchmarks.Client_MultiStatus)),
    ];

    public static int Run(string[] args)
    {
        string? calls = null, catalogue = null, php = null, services = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--calls-json": calls = args[i + 1]; break;
                case "--catalogue-json": catalogue = args[i + 1]; break;
                case "--php-json": php = args[i + 1]; break;
                case "--services": services = args[i + 1]; break;
                default: return Fail($"unknown option {args[i]}");
            }
        }

        if (calls is null || catalogue is null || php is null)
        {
            return Fail("usage: --summarize-client --calls-json FILE --catalogue-json FILE --php-json FILE [--services FILE]");
        }

        var callResults = Read(calls);
        var catalogueResults = Read(catalogue);
        if (callResults is null || catalogueResults is null)
        {
            return 1;
        }

        var output = new StringBuilder();
        output.AppendLine("### Per call over the in-memory panel: client / raw baseline (same run)").AppendLine()
            .AppendLine("| Call | Raw median | Client median | Time ratio (median) | Time ratio (min) | Raw alloc | Client alloc | Alloc ratio | Target ≤ 1.0× |")
            .AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var (call, rawName, clientName) in Calls)
        {
            if (!callResults.TryGetValue(rawName, out var raw) || !callResults.TryGetValue(clientName, out var client))
            {
                return Fail($"no result for {rawName} or {clientName} in {calls}");
            }

            var time = client.Median / raw.Median;
            var alloc = (double)client.Allocated / raw.Allocated;
            output.AppendLine(CultureInfo.InvariantCulture, $"| {call} | {Us(raw.Median)} | {Us(client.Median)} | {time:0.00}× | {client.Min / raw.Min:0.00}× | {raw.Allocated:N0} B | {client.Allocated:N0} B | {alloc:0.00}× | time {Verdict(time, MaxRatioToRaw)}, bytes {Verdict(alloc, MaxRatioToRaw)} |");
        }

        if (callResults.TryGetValue(nameof(CallBenchmarks.Pipeline_Only), out var pipeline)
            && callResults.TryGetValue(nameof(CallBenchmarks.Client_Status), out var clientStatus)
            && callResults.TryGetValue(nameof(CallBenchmarks.Raw_Status), out var rawStatus))
        {
            output.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"The resilience pipeline alone (retry and circuit breaker; an attempt that does nothing, so without its own timeout): {Us(pipeline.Median)} median, {pipeline.Allocated:N0} B; that is {pipeline.Median / clientStatus.Median:P0} of the client's `status` time, and `status` without it would be {(clientStatus.Median - pipeline.Median) / rawStatus.Median:0.00}× the raw baseline's.");
        }

        using var phpDocument = JsonDocument.Parse(File.ReadAllText(php));
        var phpRoot = phpDocument.RootElement;
        services ??= ServiceCatalogue.Locate();
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(services)));
        if (!string.Equals(phpRoot.GetProperty("sha256").GetString(), sha, StringComparison.Ordinal))
        {
            return Fail("PHP timed a different services file than .NET parsed.");
        }

        if (phpRoot.GetProperty("objects").GetProperty("services").GetInt32() != ServiceCatalogue.Services)
        {
            return Fail($"PHP decoded {phpRoot.GetProperty("objects").GetProperty("services").GetInt32()} services, not {ServiceCatalogue.Services}.");
        }

        if (!catalogueResults.TryGetValue(nameof(CatalogueBenchmarks.Client_GetServicesAsync), out var getServices)
            || !catalogueResults.TryGetValue(nameof(CatalogueBenchmarks.Raw_GetServices), out var rawServices))
        {
            return Fail($"no catalogue results in {catalogue}");
        }

        output.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### Catalogue: {ServiceCatalogue.Services:N0} services, {new FileInfo(services).Length:N0} bytes (same run)").AppendLine()
            .AppendLine("| Parser | Median | Min | Allocated | Client / this (median) | Client / this (min) |")
            .AppendLine("|---|--:|--:|--:|--:|--:|");
        output.AppendLine(CultureInfo.InvariantCulture, $"| `PlugsmmClient.GetServicesAsync` (in-memory handler) | {Ms(getServices.Median)} | {Ms(getServices.Min)} | {getServices.Allocated:N0} B | — | — |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| raw `HttpClient` + `JsonSerializer` (source-generated) | {Ms(rawServices.Median)} | {Ms(rawServices.Min)} | {rawServices.Allocated:N0} B | {getServices.Median / rawServices.Median:0.00}× | {getServices.Min / rawServices.Min:0.00}× |");
        var verdicts = new List<string>();
        foreach (var (key, label) in new[] { ("objects", "PHP `json_decode($s)` (objects, as the reference `Api` class)"), ("arrays", "PHP `json_decode($s, true)` (arrays)") })
        {
            var entry = phpRoot.GetProperty(key);
            var median = entry.GetProperty("ms_median").GetDouble() * 1e6;
            var min = entry.GetProperty("ms_min").GetDouble() * 1e6;
            var ratio = getServices.Median / median;
            output.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {Ms(median)} | {Ms(min)} | — | {ratio:0.00}× | {getServices.Min / min:0.00}× |");
            verdicts.Add(string.Create(CultureInfo.InvariantCulture, $"vs {key}: {ratio:0.00}×, {Verdict(ratio, MaxRatioToPhp)}"));
        }

        output.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Catalogue target ≤ {MaxRatioToPhp:0.00}× PHP's time (median): {string.Join("; ", verdicts)}.");
        Console.Write(output.ToString());
        return 0;
    }

    private static string Verdict(double ratio, double target) =>
        ratio <= target ? "met" : string.Create(CultureInfo.InvariantCulture, $"missed by {(ratio / target - 1) * 100:0}%");

    private static string Us(double ns) => string.Create(CultureInfo.InvariantCulture, $"{ns / 1000:0.00} µs");

    private static string Ms(double ns) => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:0.00} ms");

    private static Dictionary<string, (double Median, double Min, long Allocated)>? Read(string path)
    {
        if (!File.Exists(path))
        {
            Fail($"{path} is missing: BenchmarkDotNet did not run.");
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new Dictionary<string, (double, double, long)>(StringComparer.Ordinal);
        foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            var method = benchmark.GetProperty("Method").GetString()!;
            var statistics = benchmark.GetProperty("Statistics");
            if (statistics.ValueKind != JsonValueKind.Object)
            {
                Fail($"BenchmarkDotNet has no statistics for {method}: it did not run.");
                return null;
            }

            results[method] = (
                statistics.GetProperty("Median").GetDouble(),
                statistics.GetProperty("Min").GetDouble(),
                benchmark.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetInt64());
        }

        return results;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"--summarize-client: {message}");
        return 1;
    }
}
