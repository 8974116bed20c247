using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Plugsmm.Client;

/// <summary>
/// The meter <c>Plugsmm.Client</c>, OpenTelemetry-style: durations in seconds, low-cardinality tags only
/// (<c>plugsmm.action</c>, <c>plugsmm.panel</c>, <c>plugsmm.outcome</c>, <c>error.type</c>; never a link, key or order id).
/// docs/telemetry.md maps each instrument to the runbook's metrics.
/// </summary>
internal sealed class PlugsmmMetrics
{
    public const string MeterName = PlugsmmTelemetry.MeterName;

    /// <summary>
    /// Bucket boundaries advised for <c>plugsmm.client.request.duration</c>, in seconds: those .NET gives
    /// <c>http.client.request.duration</c>, extended to the client's timeouts (30 s per attempt, 120 s in total by default).
    /// </summary>
    internal static readonly IReadOnlyList<double> DurationBoundaries =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120];

    private static readonly Lazy<PlugsmmMetrics> Shared = new(() => new PlugsmmMetrics(new Meter(CreateMeterOptions())));
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IMeterFactory, PlugsmmMetrics> PerFactory = [];

    private readonly ConcurrentDictionary<string, CallPipeline> _breakers = new(StringComparer.Ordinal);
    private readonly Counter<long> _requests;
    private readonly Counter<long> _successes;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;

    public PlugsmmMetrics(Meter meter)
    {
        _requests = meter.CreateCounter<long>("plugsmm.client.requests", "{call}", "Calls made to the panel (the runbook's provider_requests_count).");
        _successes = meter.CreateCounter<long>("plugsmm.client.successes", "{call}", "Calls that succeeded (provider_requests_success).");
        _failures = meter.CreateCounter<long>("plugsmm.client.failures", "{call}", "Calls that failed, by error.type (provider_requests_failed).");
        _retries = meter.CreateCounter<long>("plugsmm.client.retries", "{retry}", "Retries made, by error.type.");
        _duration = meter.CreateHistogram<double>(
            "plugsmm.client.request.duration",
            "s",
            "Duration of calls, retries included (provider_avg_latency derives from it).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBoundaries });
        meter.CreateObservableGauge("plugsmm.client.circuit_breaker.state", ObserveBreakers, "{state}", "0 closed, 1 open, 2 half-open, 3 isolated (circuit_breaker_state).");
    }

    /// <summary>The metrics of a client built without dependency injection: one process-wide meter.</summary>
    public static PlugsmmMetrics Default => Shared.Value;

    /// <summary>One set of instruments per meter factory, however many clients are built with it.</summary>
    public static PlugsmmMetrics For(IMeterFactory factory) =>
        PerFactory.GetValue(factory, f => new PlugsmmMetrics(f.Create(CreateMeterOptions())));

    /// <summary>The meter's name and the package version.</summary>
    public static MeterOptions CreateMeterOptions() => new(MeterName) { Version = PlugsmmTelemetry.Version };

    public void Track(string panel, CallPipeline pipeline) => _breakers[panel] = pipeline;

    public void Request(string action, string panel) => _requests.Add(1, Tags(action, panel));

    public void Success(string action, string panel, double seconds)
    {
        _successes.Add(1, Tags(action, panel));
        _duration.Record(seconds, new TagList { { "plugsmm.action", action }, { "plugsmm.panel", panel }, { "plugsmm.outcome", "success" } });
    }

    public void Failure(string action, string panel, PlugsmmErrorKind kind, double seconds)
    {
        var errorType = ErrorType(kind);
        _failures.Add(1, new TagList { { "plugsmm.action", action }, { "plugsmm.panel", panel }, { "error.type", errorType } });
        _duration.Record(seconds, new TagList { { "plugsmm.action", action }, { "plugsmm.panel", panel }, { "plugsmm.outcome", "failure" }, { "error.type", errorType } });
    }

    public void Retry(string action, string panel, PlugsmmErrorKind kind) =>
        _retries.Add(1, new TagList { { "plugsmm.action", action }, { "plugsmm.panel", panel }, { "error.type", ErrorType(kind) } });

    /// <summary>The <c>error.type</c> value: the kind in the runbook's spelling (<c>TRANSIENT</c>, <c>INSUFFICIENT_FUNDS</c>, …).</summary>
    public static string ErrorType(PlugsmmErrorKind kind) => kind switch
    {
        PlugsmmErrorKind.Transient => "TRANSIENT",
        PlugsmmErrorKind.Permanent => "PERMANENT",
        PlugsmmErrorKind.RateLimited => "RATE_LIMITED",
        PlugsmmErrorKind.InsufficientFunds => "INSUFFICIENT_FUNDS",
        _ => "UNKNOWN",
    };

    private static TagList Tags(string action, string panel) => new() { { "plugsmm.action", action }, { "plugsmm.panel", panel } };

    private IEnumerable<Measurement<int>> ObserveBreakers() =>
        _breakers.Select(b => new Measurement<int>((int)b.Value.State, new KeyValuePair<string, object?>("plugsmm.panel", b.Key)));
}
