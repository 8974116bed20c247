using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Polly;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// One call, the full client against the code a developer would write by hand, over the same in-memory panel
/// (<see cref="InMemoryPanelHandler"/>): <c>add</c>, <c>status</c> and <c>status</c> of 100 orders. The client runs
/// as in production: default resilience pipeline, logging enabled at Information, metrics listened to. The raw
/// baseline is <c>HttpClient.PostAsync</c> + <c>FormUrlEncodedContent</c> + <c>JsonSerializer</c> with a
/// source-generated context, reading numbers given as strings, as panels send them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet needs an unsealed class; it disposes through [GlobalCleanup].")]
public class CallBenchmarks
{
    /// <summary>Ids in the multi-status call: one full request.</summary>
    public const int MultiStatusIds = PlugsmmClient.MaxIdsPerRequest;

    private const string ApiKey = "b3f1c9a0d2e84f6a9c7e5d3b1a0f8e6c";
    private static readonly Uri Address = new("https://panel.example/api/v2");

    private static readonly byte[] AddAnswer = Encoding.UTF8.GetBytes("""{"order":23501}""");
    private static readonly byte[] StatusAnswer = Encoding.UTF8.GetBytes(
        """{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"157","currency":"USD"}""");

    private readonly InMemoryPanelHandler _handler = new();
    private readonly long[] _ids = [.. Enumerable.Range(0, MultiStatusIds).Select(i => 1_000_001L + (i * 7))];
    private byte[] _multiStatusAnswer = [];
    private HttpClient _http = null!;
    private ListenedMeterFactory _meters = null!;
    private PlugsmmClient _client = null!;
    private DefaultOrder _order = null!;
    private CallPipeline _pipeline = null!;
    private ErrorClassifier _classifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        _multiStatusAnswer = MultiStatusAnswer(_ids);
        _http = new HttpClient(_handler, disposeHandler: false);
        _meters = new ListenedMeterFactory();
        _client = new PlugsmmClient(
            _http,
            new PlugsmmClientOptions { ApiKey = ApiKey, BaseAddress = Address },
            new EnabledNullLogger<PlugsmmClient>(),
            TimeProvider.System,
            _meters);
        _order = new DefaultOrder { ServiceId = 1042, Link = "https://www.instagram.com/p/C8xYzAbCdEf/", Quantity = 1500 };

        // The client's resilience pipeline on its own, built as the client builds it (default options, same logger and meter).
        _classifier = new ErrorClassifier(null);
        _pipeline = CallPipeline.Create(
            new PlugsmmClientOptions { ApiKey = ApiKey, BaseAddress = Address }.Resilience,
            TimeProvider.System,
            new CallTelemetry(new EnabledNullLogger<PlugsmmClient>(), PlugsmmMetrics.For(_meters), "pipeline-benchmark"));

        // Both sides must get the same answers out of the same bytes; the metrics must really be listened to.
        if (Client_Add().GetAwaiter().GetResult() != Raw_Add().GetAwaiter().GetResult()
            || Client_Status().GetAwaiter().GetResult() != Raw_Status().GetAwaiter().GetResult()
            || Client_MultiStatus().GetAwaiter().GetResult() != Raw_MultiStatus().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The client and the raw baseline read the canned answers differently.");
        }

        if (_meters.EnabledInstruments == 0)
        {
            throw new InvalidOperationException("No instrument of the client's meter was published to the listener.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _handler.Dispose();
        _meters.Dispose();
    }

    [BenchmarkCategory("add"), Benchmark(Baseline = true)]
    public async Task<long> Raw_Add()
    {
        _handler.Answer = AddAnswer;
        using var content = new FormUrlEncodedContent(
        [
            new("key", ApiKey),
            new("action", "add"),
            new("service", 1042.ToString(CultureInfo.InvariantCulture)),
            new("link", "https://www.instagram.com/p/C8xYzAbCdEf/"),
            new("quantity", 1500.ToString(CultureInfo.InvariantCulture)),
        ]);
        using var response = await _http.PostAsync(Address, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var answer = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawAdd).ConfigureAwait(false);
            return answer?.Order ?? throw new InvalidOperationException("no order id");
        }
    }

    [BenchmarkCategory("add"), Benchmark]
    public async Task<long> Client_Add()
    {
        _handler.Answer = AddAnswer;
        return await _client.AddOrderAsync(_order).ConfigureAwait(false);
    }

    [BenchmarkCategory("status"), Benchmark(Baseline = true)]
    public async Task<long> Raw_Status()
    {
        _handler.Answer = StatusAnswer;
        using var content = new FormUrlEncodedContent(
        [
            new("key", ApiKey),
            new("action", "status"),
            new("order", 23501L.ToString(CultureInfo.InvariantCulture)),
        ]);
        using var response = await _http.PostAsync(Address, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var answer = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawStatus).ConfigureAwait(false);
            return answer?.Remains ?? throw new InvalidOperationException("no status");
        }
    }

    [BenchmarkCategory("status"), Benchmark]
    public async Task<long> Client_Status()
    {
        _handler.Answer = StatusAnswer;
        var status = await _client.GetOrderStatusAsync(23501).ConfigureAwait(false);
        return status.Remains ?? throw new InvalidOperationException("no remains");
    }

    [BenchmarkCategory("multi-status"), Benchmark(Baseline = true)]
    public async Task<long> Raw_MultiStatus()
    {
        _handler.Answer = _multiStatusAnswer;
        using var content = new FormUrlEncodedContent(
        [
            new("key", ApiKey),
            new("action", "status"),
            new("orders", string.Join(',', _ids)),
        ]);
        using var response = await _http.PostAsync(Address, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var answer = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.DictionaryStringRawStatus).ConfigureAwait(false)
                ?? throw new InvalidOperationException("no statuses");
            long remains = 0;
            foreach (var status in answer.Values)
            {
                remains += status.Remains ?? 0;
            }

            return remains;
        }
    }

    [BenchmarkCategory("multi-status"), Benchmark]
    public async Task<long> Client_MultiStatus()
    {
        _handler.Answer = _multiStatusAnswer;
        var statuses = await _client.GetOrderStatusesAsync(_ids).ConfigureAwait(false);
        long remains = 0;
        foreach (var item in statuses)
        {
            remains += item.Value?.Remains ?? 0;
        }

        return remains;
    }

    /// <summary>
    /// The client's resilience pipeline (total timeout, retry, circuit breaker, attempt timeout) around an attempt that
    /// does nothing: what the pipeline alone costs a call, beside the client's rows.
    /// </summary>
    [BenchmarkCategory("pipeline"), Benchmark]
    public async Task<object> Pipeline_Only()
    {
        var call = new CallInfo("status", false, _classifier, new KeySpellings(ApiKey), "benchmark") { Started = TimeProvider.System.GetTimestamp() };
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(CallPipeline.Call, call);
        try
        {
            var outcome = await _pipeline.Pipeline.ExecuteOutcomeAsync(
                static (_, state) => ValueTask.FromResult(Outcome.FromResult(state)), context, (object)call).ConfigureAwait(false);
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static byte[] MultiStatusAnswer(long[] ids)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < ids.Length; i++)
        {
            var state = (i % 5) switch { 0 => "Completed", 1 => "In progress", 2 => "Partial", 3 => "Pending", _ => "Processing" };
            json.Append(CultureInfo.InvariantCulture, $$"""{{(i > 0 ? "," : string.Empty)}}"{{ids[i]}}":{"charge":"{{0.1 + (i * 0.01234):0.#####}}","start_count":"{{3000 + (i * 17)}}","status":"{{state}}","remains":"{{i * 3}}","currency":"USD"}""");
        }

        return Encoding.UTF8.GetBytes(json.Append('}').ToString());
    }

    /// <summary>Short, so the client run stays within a few minutes on two cores; median and min beside the mean.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithId("Short10"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
            AddExporter(new JsonExporter(fileNameSuffix: string.Empty, indentJson: true, excludeMeasurements: true));
        }
    }
}

/// <summary>What a developer would deserialize into by hand.</summary>
internal sealed class RawAdd
{
    [JsonPropertyName("order")]
    public long? Order { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

internal sealed class RawStatus
{
    [JsonPropertyName("charge")]
    public decimal? Charge { get; set; }

    [JsonPropertyName("start_count")]
    public long? StartCount { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("remains")]
    public long? Remains { get; set; }

    [JsonPropertyName("currency")]
    public string? Currency { get; set; }
}

internal sealed class RawService
{
    [JsonPropertyName("service")]
    public long Service { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }

    [JsonPropertyName("rate")]
    public decimal Rate { get; set; }

    [JsonPropertyName("min")]
    public long Min { get; set; }

    [JsonPropertyName("max")]
    public long Max { get; set; }

    [JsonPropertyName("refill")]
    public bool? Refill { get; set; }

    [JsonPropertyName("cancel")]
    public bool? Cancel { get; set; }

    [JsonPropertyName("dripfeed")]
    public bool? DripFeed { get; set; }
}

/// <summary>The raw baseline's source-generated context; panels send numbers as strings.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RawAdd))]
[JsonSerializable(typeof(RawStatus))]
[JsonSerializable(typeof(Dictionary<string, RawStatus>))]
[JsonSerializable(typeof(List<RawService>))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
