using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>A stub panel with everything it reports captured: log records, metric measurements, spans.</summary>
internal sealed class Telemetry : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ActivityListener _listener;

    public Telemetry(Action<PlugsmmClientOptions>? configure = null, string apiKey = PanelStub.ApiKey)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        Requests = new MetricCollector<long>(meters, "Plugsmm.Client", "plugsmm.client.requests");
        Successes = new MetricCollector<long>(meters, "Plugsmm.Client", "plugsmm.client.successes");
        Failures = new MetricCollector<long>(meters, "Plugsmm.Client", "plugsmm.client.failures");
        Retries = new MetricCollector<long>(meters, "Plugsmm.Client", "plugsmm.client.retries");
        Duration = new MetricCollector<double>(meters, "Plugsmm.Client", "plugsmm.client.request.duration");
        Breaker = new MetricCollector<int>(meters, "Plugsmm.Client", "plugsmm.client.circuit_breaker.state");
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Plugsmm.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (Spans)
                {
                    Spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        Panel = new PanelStub(
            o =>
            {
                o.Resilience.Retry.UseJitter = false;
                configure?.Invoke(o);
            },
            Logger,
            meters,
            apiKey);
    }

    public FakeLogger<PlugsmmClient> Logger { get; } = new();

    public PanelStub Panel { get; }

    public MetricCollector<long> Requests { get; }

    public MetricCollector<long> Successes { get; }

    public MetricCollector<long> Failures { get; }

    public MetricCollector<long> Retries { get; }

    public MetricCollector<double> Duration { get; }

    public MetricCollector<int> Breaker { get; }

    /// <summary>Spans of every client in the process (the listener is global): filter with <see cref="SpansOf"/>.</summary>
    public List<Activity> Spans { get; } = [];

    /// <summary>A correlation id for this test's calls, so its spans can be told from other tests'.</summary>
    public string Id { get; } = "t-" + Guid.NewGuid().ToString("N");

    public List<Activity> SpansOf(string correlationId)
    {
        lock (Spans)
        {
            return Spans.Where(s => (s.GetTagItem("plugsmm.correlation_id") as string) == correlationId).ToList();
        }
    }

    public IReadOnlyList<string> Lines => Logger.Collector.GetSnapshot().Select(r => r.Message).ToList();

    /// <summary>The lines written by calls (all but the once-per-client "configured" line, event 1011).</summary>
    public IReadOnlyList<string> CallLines => Logger.Collector.GetSnapshot().Where(r => r.Id.Id != 1011).Select(r => r.Message).ToList();

    /// <summary>Every tag value of every measurement and span, for secret scans.</summary>
    public IEnumerable<string> AllTags() =>
        new IEnumerable<string>[]
        {
            Requests.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")),
            Successes.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")),
            Failures.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")),
            Retries.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")),
            Duration.GetMeasurementSnapshot().SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")),
            SpansOf(Id).SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName).Append(s.StatusDescription ?? string.Empty)),
        }.SelectMany(x => x);

    public void Dispose()
    {
        Panel.Dispose();
        _listener.Dispose();
        Requests.Dispose();
        Successes.Dispose();
        Failures.Dispose();
        Retries.Dispose();
        Duration.Dispose();
        Breaker.Dispose();
        _services.Dispose();
    }
}
