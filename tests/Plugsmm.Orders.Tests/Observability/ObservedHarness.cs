using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>Engines over the harness's file with the test's meter factory and logger (the harness's own engines have neither).</summary>
internal static class ObservedHarness
{
    public static OrderEngine NewObservedEngine(this EngineHarness harness, string owner, IMeterFactory meters, ILogger? logger = null, IPlugsmmClient? client = null)
    {
        var o = harness.Options;
        var options = new PlugsmmOrdersOptions
        {
            DatabasePath = harness.Database.Path, Owner = owner, BatchSize = o.BatchSize, LeaseDuration = o.LeaseDuration, RetryDelay = o.RetryDelay,
            MaxRetryDelay = o.MaxRetryDelay, EventRetryDelay = o.EventRetryDelay, TrackingDelay = o.TrackingDelay, MaxTrackingInterval = o.MaxTrackingInterval,
            NotFoundGracePeriod = o.NotFoundGracePeriod, RefundDecimals = o.RefundDecimals,
        };
        var panelClient = client ?? harness.Client;
        return new OrderEngine(
            harness.NewStore(), name => name.Length == 0 ? panelClient : throw new InvalidOperationException("No panel " + name), harness.Handler, options, logger ?? NullLogger.Instance, harness.Time, meters);
    }
}

/// <summary>
/// A meter factory whose meters only this recorder listens to (other tests' engines run in parallel): every
/// measurement of its instruments, and the observable ones on demand.
/// </summary>
internal sealed class MetricsRecorder : IMeterFactory
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _observed = new();
    private readonly List<Meter> _meters = [];

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Meter> Meters => _meters;

    public Meter Create(MeterOptions options)
    {
        options.Scope = this;
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    /// <summary>The sum of an instrument's measurements whose tags include <paramref name="tags"/> (counters, histograms' values).</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) => Matching(_measurements, instrument, tags).Sum(m => m.Value);

    /// <summary>How many measurements an instrument has recorded with those tags (a histogram's count).</summary>
    public int Count(string instrument, params (string Key, object? Value)[] tags) => Matching(_measurements, instrument, tags).Count();

    /// <summary>The observable instruments' values now, read as an exporter would: the value with those tags, or null when not reported.</summary>
    public double? Observe(string instrument, params (string Key, object? Value)[] tags)
    {
        _observed.Clear();
        _listener.RecordObservableInstruments();
        var matching = Matching(_observed, instrument, tags).ToList();
        return matching.Count == 0 ? null : Assert.Single(matching).Value;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }

    private static IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> Matching(
        IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements, string instrument, (string Key, object? Value)[] tags) =>
        measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        (instrument.IsObservable ? _observed : _measurements).Enqueue((instrument.Name, value, copy));
    }
}

/// <summary>
/// Records the spans of the engine and the client in one trace only: the test's own root span, so spans of tests
/// running in parallel are left out.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private const string TestSourceName = "Plugsmm.Orders.Tests";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is PlugsmmOrdersTelemetry.ActivitySourceName or PlugsmmTelemetry.ActivitySourceName or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        Root = TestSource.StartActivity("test")!;
    }

    /// <summary>The test's root span: the engine's steps run under it.</summary>
    public Activity Root { get; }

    /// <summary>The spans of this test's trace that ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped.Where(a => a.TraceId == Root.TraceId && a != Root)];

    public void Dispose()
    {
        Root.Dispose();
        _listener.Dispose();
    }
}
