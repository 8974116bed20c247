using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// The in-memory panel both sides of the client benchmarks talk to: it reads the whole request body (so the form
/// encoding is really done, into a reused buffer) and answers with the canned bytes of <see cref="Answer"/>. No
/// sockets, no server: what remains is the cost of the code under test.
/// </summary>
internal sealed class InMemoryPanelHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly MemoryStream _sink = new(64 * 1024);

    /// <summary>The answer's body; set by each benchmark before it calls.</summary>
    public byte[] Answer { get; set; } = [];

    /// <summary>Bytes of the last request body (a check that something was sent).</summary>
    public long LastRequestBytes { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sink.SetLength(0);
        if (request.Content is { } content)
        {
            await content.CopyToAsync(_sink, cancellationToken).ConfigureAwait(false);
        }

        LastRequestBytes = _sink.Length;
        var answer = new ByteArrayContent(Answer);
        answer.Headers.ContentType = JsonType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }
}

/// <summary>A logger that is enabled at Information and above and writes nowhere: the client pays for logging, not for a sink.</summary>
internal sealed class EnabledNullLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
    }
}

/// <summary>
/// An <see cref="IMeterFactory"/> plus a <see cref="MeterListener"/> that enables every instrument of the client's
/// meter and drops the measurements: the client pays for recording metrics, as under an exporter.
/// </summary>
internal sealed class ListenedMeterFactory : IMeterFactory
{
    /// <summary>The client's meter (PlugsmmMetrics.MeterName, internal to the client).</summary>
    public const string MeterName = "Plugsmm.Client";

    private readonly List<Meter> _meters = [];
    private readonly MeterListener _listener = new();

    public ListenedMeterFactory()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                EnabledInstruments++;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _listener.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
        _listener.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _listener.Start();
    }

    /// <summary>Instruments of the client's meter that the listener enabled.</summary>
    public int EnabledInstruments { get; private set; }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
