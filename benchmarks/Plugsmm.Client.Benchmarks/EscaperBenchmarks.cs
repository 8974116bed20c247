using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// The escaping alone, on every key and string value of the order bodies, each as the value of a one-field body (per
/// body, as in <see cref="EncoderBenchmarks"/>).
/// Not part of <c>run-encoder.sh</c>; run with <c>--filter '*EscaperBenchmarks*'</c>.
/// </summary>
[Config(typeof(Config))]
public class EscaperBenchmarks
{
    private readonly ArrayBufferWriter<byte> _destination = new(64 * 1024);
    private KeyValuePair<string, object?>[][] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var bodies = OrderBodyFile.Load(OrderBodyFile.Locate());
        _texts = [.. bodies.SelectMany(body => body.SelectMany(p => p.Value is string s ? new[] { p.Key, s } : [p.Key]))
            .Select(text => new KeyValuePair<string, object?>[] { new("v", text) })];
    }

    [Benchmark(OperationsPerInvoke = EncoderBenchmarks.Bodies)]
    public long Escape()
    {
        long total = 0;
        foreach (var field in _texts)
        {
            _destination.ResetWrittenCount();
            total += PhpFormEncoder.Encode(field, _destination);
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
