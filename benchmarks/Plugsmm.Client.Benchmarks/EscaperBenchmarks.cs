using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// The escaper alone (<see cref="PhpUrlEscaper.TryEscape"/>), on every key and string value of the order bodies (per
/// body, as in <see cref="EncoderBenchmarks"/>).
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
