using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// The 10,000-service catalogue of <c>benchmarks/data/services-10000.json</c> through the full client
/// (<see cref="PlugsmmClient.GetServicesAsync"/>) over the in-memory panel, beside the raw
/// <c>HttpClient</c> + <c>JsonSerializer</c> baseline on the same bytes. PHP's <c>json_decode</c> of the same file is
/// timed by <c>benchmarks/php/time_json_decode.php</c>; <c>run-client.sh</c> sets the two side by side.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet needs an unsealed class; it disposes through [GlobalCleanup].")]
public class CatalogueBenchmarks
{
    private static readonly Uri Address = new("https://panel.example/api/v2");
    private readonly InMemoryPanelHandler _handler = new();
    private HttpClient _http = null!;
    private ListenedMeterFactory _meters = null!;
    private PlugsmmClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler.Answer = File.ReadAllBytes(ServiceCatalogue.Locate());
        _http = new HttpClient(_handler, disposeHandler: false);
        _meters = new ListenedMeterFactory();
        _client = new PlugsmmClient(
            _http,
            new PlugsmmClientOptions { ApiKey = "b3f1c9a0d2e84f6a9c7e5d3b1a0f8e6c", BaseAddress = Address },
            new EnabledNullLogger<PlugsmmClient>(),
            TimeProvider.System,
            _meters);
        var client = Client_GetServicesAsync().GetAwaiter().GetResult();
        var raw = Raw_GetServices().GetAwaiter().GetResult();
        if (client != ServiceCatalogue.Services || raw != ServiceCatalogue.Services)
        {
            throw new InvalidOperationException($"Read {client} services through the client, {raw} raw; expected {ServiceCatalogue.Services}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _handler.Dispose();
        _meters.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Raw_GetServices()
    {
        using var content = new FormUrlEncodedContent([new("key", "b3f1c9a0d2e84f6a9c7e5d3b1a0f8e6c"), new("action", "services")]);
        using var response = await _http.PostAsync(Address, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var services = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.ListRawService).ConfigureAwait(false);
            return services?.Count ?? 0;
        }
    }

    [Benchmark]
    public async Task<int> Client_GetServicesAsync() => (await _client.GetServicesAsync().ConfigureAwait(false)).Count;

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
