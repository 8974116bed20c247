using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// <c>--summarize</c>: puts BenchmarkDotNet's JSON report and the PHP timing side by side, from the same run, and
/// checks the targets. A missed target is reported, not failed; missing or inconsistent input is exit code 1.
/// </summary>
internal static class EncoderSummary
{
    private const double MaxRatioToPhp = 1.0; // issue 17: plain code, at most PHP's time per body

    private static readonly (string Method, string Label)[] Methods =
    [
        (nameof(EncoderBenchmarks.PhpFormEncoder_Encode_string), "`PhpFormEncoder.Encode` → string"),
        (nameof(EncoderBenchmarks.PhpFormEncoder_Encode_IBufferWriter), "`PhpFormEncoder.Encode` → `IBufferWriter<byte>`"),
        (nameof(EncoderBenchmarks.FormUrlEncodedContent_ctor), "`new FormUrlEncodedContent(…)` (baseline)"),
    ];

    public static int Run(string[] args)
    {
        string? bdnJson = null, phpJson = null, bodiesPath = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--bdn-json": bdnJson = args[i + 1]; break;
                case "--php-json": phpJson = args[i + 1]; break;
                case "--bodies": bodiesPath = args[i + 1]; break;
                default: return Fail($"unknown option {args[i]}");
            }
        }

        if (bdnJson is null || phpJson is null)
        {
            return Fail("usage: --summarize --bdn-json FILE --php-json FILE [--bodies FILE]");
        }

        bodiesPath ??= OrderBodyFile.Locate();
        var bodies = Measure(OrderBodyFile.Load(bodiesPath));

        using var php = JsonDocument.Parse(File.ReadAllText(phpJson));
        var phpRoot = php.RootElement;
        var phpMedian = phpRoot.GetProperty("ns_per_body_median").GetDouble();
        var phpMin = phpRoot.GetProperty("ns_per_body_min").GetDouble();
        if (phpRoot.GetProperty("bodies").GetInt32() != bodies.Count)
        {
            return Fail($"PHP encoded {phpRoot.GetProperty("bodies").GetInt32()} bodies, .NET {bodies.Count}.");
        }

        if (!string.Equals(phpRoot.GetProperty("sha256").GetString(), bodies.Sha256, StringComparison.Ordinal))
        {
            return Fail("PHP's http_build_query and PhpFormEncoder.Encode give different bytes on the data file: the timings would not compare the same work.");
        }

        using var bdn = JsonDocument.Parse(File.ReadAllText(bdnJson));
        var results = new Dictionary<string, (double Median, double Min, double Mean, long Allocated)>(StringComparer.Ordinal);
        foreach (var benchmark in bdn.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            var method = benchmark.GetProperty("Method").GetString()!;
            if (benchmark.GetProperty("Statistics").ValueKind != JsonValueKind.Object)
            {
                return Fail($"BenchmarkDotNet has no statistics for {method}: it did not run.");
            }

            var statistics = benchmark.GetProperty("Statistics");
            results[method] = (
                statistics.GetProperty("Median").GetDouble(),
                statistics.GetProperty("Min").GetDouble(),
                statistics.GetProperty("Mean").GetDouble(),
                benchmark.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetInt64());
        }

        foreach (var (method, _) in Methods)
        {
            if (!results.ContainsKey(method))
            {
                return Fail($"{bdnJson} has no result for {method}.");
            }
        }

        var baseline = results[nameof(EncoderBenchmarks.FormUrlEncodedContent_ctor)].Median;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{bodies.Count} order bodies ({bodiesPath}), mean {bodies.MeanBytes:F1} B encoded; times are per body, median (min) of the run.");
        text.AppendLine();
        text.AppendLine("| Method | ns/body median (min) | Allocated B/body | vs PHP | vs FormUrlEncodedContent |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (method, label) in Methods)
        {
            var r = results[method];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {r.Median:F1} ({r.Min:F1}) | {r.Allocated} | {r.Median / phpMedian:F2}× | {r.Median / baseline:F2}× |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| PHP {phpRoot.GetProperty("php_version").GetString()} `http_build_query` (`php -n`) | {phpMedian:F1} ({phpMin:F1}) | – | 1.00× | {phpMedian / baseline:F2}× |");
        text.AppendLine();

        var stringResult = results[nameof(EncoderBenchmarks.PhpFormEncoder_Encode_string)];
        var writerResult = results[nameof(EncoderBenchmarks.PhpFormEncoder_Encode_IBufferWriter)];
        var ratio = stringResult.Median / phpMedian;
        var writerRatio = writerResult.Median / phpMedian;
        text.AppendLine("Targets:");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- `Encode` → string ≤ {MaxRatioToPhp:F1}× PHP's time per body: {ratio:F2}× → {Verdict(ratio <= MaxRatioToPhp)}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- `Encode` → IBufferWriter ≤ {MaxRatioToPhp:F1}× PHP's time per body: {writerRatio:F2}× → {Verdict(writerRatio <= MaxRatioToPhp)}");
        // BenchmarkDotNet divides the bytes of a whole invocation by the 2,000 bodies (rounding down), so a string
        // overload that allocates only its result shows the mean size of the result strings.
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- `Encode` → string allocates only the result string ({bodies.MeanStringBytes:F1} B/body on this runtime): {stringResult.Allocated} B/body → {Verdict(stringResult.Allocated <= Math.Ceiling(bodies.MeanStringBytes))}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- `Encode` → IBufferWriter allocates nothing: {writerResult.Allocated} B/body → {Verdict(writerResult.Allocated == 0)}");

        Console.Write(text.ToString());
        return 0;
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("summarize: " + message);
        return 1;
    }

    /// <summary>Encodes every body once: the mean size, the SHA-256 of the bodies joined by <c>\n</c> (as PHP computes it), and the mean size of the result strings.</summary>
    private static BodyFacts Measure(List<KeyValuePair<string, object?>[]> bodies)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        long stringBytes = 0;
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = PhpFormEncoder.Encode(bodies[i]);
            if (i > 0)
            {
                hash.AppendData("\n"u8);
            }

            hash.AppendData(Encoding.ASCII.GetBytes(body));
            bytes += body.Length;
            stringBytes += StringObjectBytes(body.Length);
        }

        return new BodyFacts(bodies.Count, (double)bytes / bodies.Count, (double)stringBytes / bodies.Count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>What one string of <paramref name="length"/> chars costs on the heap of this runtime, measured.</summary>
    private static long StringObjectBytes(int length)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = new string('x', length);
        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(text);
        return after - before;
    }

    private sealed record BodyFacts(int Count, double MeanBytes, double MeanStringBytes, string Sha256);
}
