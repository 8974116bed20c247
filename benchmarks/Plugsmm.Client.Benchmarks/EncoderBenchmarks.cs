using System.Buffers;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// Encodes the 2,000 order bodies of <c>benchmarks/data/order-bodies.jsonl</c> once per invocation; with
/// <see cref="BenchmarkAttribute.OperationsPerInvoke"/> every figure (time and allocated bytes) is per body.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EncoderBenchmarks
{
    /// <summary>Bodies per invocation: the data file must hold exactly this many.</summary>
    public const int Bodies = 2000;

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private KeyValuePair<string, object?>[][] _bodies = [];
    private KeyValuePair<string?, string?>[][] _stringBodies = [];

    [GlobalSetup]
    public void Setup()
    {
        var bodies = OrderBodyFile.Load(OrderBodyFile.Locate());
        if (bodies.Count != Bodies)
        {
            throw new InvalidOperationException($"{OrderBodyFile.RelativePath} holds {bodies.Count} bodies, not {Bodies}.");
        }

        _bodies = [.. bodies];
        _stringBodies = [.. bodies.Select(body => body.Select(p => new KeyValuePair<string?, string?>(p.Key, Stringify(p.Value))).ToArray())];
    }

    /// <summary>
    /// .NET's own form encoder: its constructor encodes the pairs into the byte array it sends, so constructing it is
    /// the encoding. It takes strings only, so the values were stringified (invariant culture) in <see cref="Setup"/>.
    /// It is not PHP-compatible (it leaves <c>~</c> bare), which is why the SDK bans it.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Bodies)]
    public long FormUrlEncodedContent_ctor()
    {
        long count = 0;
        foreach (var body in _stringBodies)
        {
            using var content = new FormUrlEncodedContent(body);
            count++;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Bodies)]
    public long PhpFormEncoder_Encode_string()
    {
        long length = 0;
        foreach (var body in _bodies)
        {
            length += PhpFormEncoder.Encode(body).Length;
        }

        return length;
    }

    /// <summary>Into one reused buffer, reset before each body: must allocate nothing.</summary>
    [Benchmark(OperationsPerInvoke = Bodies)]
    public long PhpFormEncoder_Encode_IBufferWriter()
    {
        long length = 0;
        var buffer = _buffer;
        foreach (var body in _bodies)
        {
            buffer.ResetWrittenCount();
            length += PhpFormEncoder.Encode(body, buffer);
        }

        return length;
    }

    private static string? Stringify(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"FormUrlEncodedContent takes strings; cannot stringify {value.GetType().Name}."),
    };

    /// <summary>
    /// A short job, so the encoder run stays around two minutes on two cores; median and min beside the mean because
    /// the machine is shared; a JSON report for <c>run-encoder.sh</c>.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(4)
                .WithIterationCount(15)
                .WithId("Short15"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
            // results/<namespace>.EncoderBenchmarks-report.json: what run-encoder.sh reads.
            AddExporter(new JsonExporter(fileNameSuffix: string.Empty, indentJson: true, excludeMeasurements: true));
        }
    }
}
