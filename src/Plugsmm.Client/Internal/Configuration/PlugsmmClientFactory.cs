using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Plugsmm.Client;

/// <summary>
/// Builds named clients from <see cref="IHttpClientFactory"/> and named <see cref="PlugsmmClientOptions"/>, each on
/// its name's resilience pipeline, kept in Polly's <see cref="ResiliencePipelineRegistry{TKey}"/> and rebuilt when
/// the name's options change.
/// </summary>
internal sealed class PlugsmmClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<PlugsmmClientOptions> options,
    ILoggerFactory loggers,
    PlugsmmMetrics metrics,
    TimeProvider? timeProvider = null) : IPlugsmmClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _legacyLogged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CallPipeline>> _pipelines = new(StringComparer.Ordinal);
    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private int _disposed;

    /// <summary>The <see cref="IHttpClientFactory"/> name of a panel client.</summary>
    public static string HttpClientName(string name) => "Plugsmm.Client:" + name;

    public IPlugsmmClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var settings = options.Get(name);
        // The configuration line, and "using legacy adapter", once per client name however many clients are created.
        var logLegacy = _legacyLogged.TryAdd(name, true);
        var logger = loggers.CreateLogger<PlugsmmClient>();
        return new PlugsmmClient(
            httpClients.CreateClient(HttpClientName(name)),
            settings,
            name,
            logger,
            timeProvider ?? TimeProvider.System,
            logLegacy,
            Pipeline(name),
            metrics);
    }

    /// <summary>
    /// One pipeline per name: the breaker must see every call to that panel, whichever client made it.
    /// Built on first use from the name's options, and again whenever they change.
    /// </summary>
    public CallPipeline Pipeline(string name) =>
        // Lazy: GetOrAdd may run its factory twice under a race; only one pipeline may ever be built (and tracked).
        _pipelines.GetOrAdd(name, key => new Lazy<CallPipeline>(() => CallPipeline.Register(
            _registry,
            key,
            options,
            timeProvider ?? TimeProvider.System,
            new CallTelemetry(loggers.CreateLogger<PlugsmmClient>(), metrics, CallTelemetry.PanelName(key))))).Value;

    public void Dispose()
    {
        // Registered as itself and as IPlugsmmClientFactory: the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var pipeline in _pipelines.Values.Where(p => p.IsValueCreated))
        {
            pipeline.Value.Dispose();
        }

        _registry.Dispose();
    }
}
