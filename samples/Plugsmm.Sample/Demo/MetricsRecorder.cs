using System.Diagnostics.Metrics;

namespace Plugsmm.Sample.Demo;

/// <summary>Listens to the <c>Plugsmm.Client</c> meter in process, for the demo's summary.</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly List<double> _durations = [];

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Plugsmm.Client.PlugsmmTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                if (tag.Key == "error.type")
                {
                    key += " " + tag.Value;
                }
            }

            lock (_totals)
            {
                _totals[key] = _totals.GetValueOrDefault(key) + value;
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_totals)
            {
                _durations.Add(value);
            }
        });
        _listener.Start();
    }

    public IReadOnlyDictionary<string, long> Totals
    {
        get
        {
            lock (_totals)
            {
                return new Dictionary<string, long>(_totals);
            }
        }
    }

    public double AverageSeconds
    {
        get
        {
            lock (_totals)
            {
                return _durations.Count == 0 ? 0 : _durations.Average();
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
