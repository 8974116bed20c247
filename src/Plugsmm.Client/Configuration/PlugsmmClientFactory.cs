using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>Builds named clients from <see cref="IHttpClientFactory"/> and named <see cref="PlugsmmClientOptions"/>.</summary>
internal sealed class PlugsmmClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<PlugsmmClientOptions> options,
    ILoggerFactory loggers,
    TimeProvider? timeProvider = null) : IPlugsmmClientFactory
{
    private readonly ConcurrentDictionary<string, bool> _legacyLogged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallPipeline> _pipelines = new(StringComparer.Ordinal);

    /// <summary>The <see cref="IHttpClientFactory"/> name of a panel client.</summary>
    public static string HttpClientName(string name) => "Plugsmm.Client:" + name;

    public IPlugsmmClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var settings = options.Get(name);
        // "using legacy adapter" once per client name, however many clients are created.
        var logLegacy = !settings.UseNewApi && _legacyLogged.TryAdd(name, true);
        return new PlugsmmClient(
            httpClients.CreateClient(HttpClientName(name)),
            settings,
            name,
            loggers.CreateLogger<PlugsmmClient>(),
            timeProvider ?? TimeProvider.System,
            logLegacy,
            // One pipeline per name: the breaker must see every call to that panel, whichever client made it.
            _pipelines.GetOrAdd(name, _ => new CallPipeline(PlugsmmClient.Snapshot(settings), timeProvider ?? TimeProvider.System)));
    }
}
