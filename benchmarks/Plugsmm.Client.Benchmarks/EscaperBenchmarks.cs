using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// The escaper alone, on every key and string value of the order bodies (per body, as in <see cref="EncoderBenchmarks"/>):
/// the path that <see cref="PhpUrlEscaper.TryEscape"/> takes on this machine, the 128-bit vector path (SSSE3 / AdvSimd
/// blocks only) and the scalar path.
/// Not part of <c>run-encoder.sh</c>; run with <c>--filter '*EscaperBenchmarks*'</c>.
/// </summary>
[Config(typeof(Config))]
public class EscaperBenchmarks
{
    private readonly byte[] _destination = new byte[64 * 1024];
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var bodies = OrderBodyFile.Load(OrderBodyFile.Locate());
        _texts = [.. bodies.SelectMany(body => body.SelectMany(p => p.Value is string s ? new[] { p.Key, s } : [p.Key]))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EncoderBenchmarks.Bodies)]
    public long Scalar()
    {
        long total = 0;
        foreach (var text in _texts)
        {
            PhpUrlEscaper.TryEscapeScalar(text, _destination, out var written, out _);
            total += written;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = EncoderBenchmarks.Bodies)]
    public long Vector128()
    {
        long total = 0;
        foreach (var text in _texts)
        {
            PhpUrlEscaper.TryEscapeVector128(text, _destination, out var written, out _);
            total += written;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = EncoderBenchmarks.Bodies)]
    public long TryEscape()
    {
        long total = 0;
        foreach (var text in _texts)
        {
            PhpUrlEscaper.TryEscape(text, _destination, out var written, out _);
            total += written;
        }

        return total;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(15).WithId("Short15"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        }
    }
}
