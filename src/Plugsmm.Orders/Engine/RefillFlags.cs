using System.Collections.Concurrent;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// The services' refill flags per panel, read from the client's <c>services</c> and kept for an hour on the engine's
/// clock: a refill is refused up front only when the panel's own catalogue says <c>refill: false</c>.
/// </summary>
internal sealed class RefillFlags(Func<string, IPlugsmmClient> clients, TimeProvider time)
{
    /// <summary>How long a panel's catalogue is kept.</summary>
    internal static readonly TimeSpan CacheDuration = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyDictionary<long, bool?> Flags)> _panels = new(StringComparer.Ordinal);

    /// <summary>The service's refill flag: null when the panel does not say (or no longer lists the service).</summary>
    internal async Task<bool?> RefillAsync(string panel, long serviceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_panels.TryGetValue(panel, out var cached) || now - cached.ReadAt >= CacheDuration)
        {
            var services = await clients(panel).GetServicesAsync(cancellationToken).ConfigureAwait(false);
            var flags = new Dictionary<long, bool?>();
            foreach (var service in services)
            {
                flags.TryAdd(service.Id, service.Refill);
            }

            cached = (now, flags);
            _panels[panel] = cached;
        }

        return cached.Flags.GetValueOrDefault(serviceId);
    }
}
