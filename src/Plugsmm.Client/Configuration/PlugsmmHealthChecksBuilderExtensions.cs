using Microsoft.Extensions.Diagnostics.HealthChecks;
using Plugsmm.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Plugsmm health check to a host's health checks.</summary>
public static class PlugsmmHealthChecksBuilderExtensions
{
    /// <summary>
    /// Reports the breaker state and last success of the client named <paramref name="clientName"/>: Healthy while
    /// closed, Degraded while half-open, Unhealthy while open.
    /// </summary>
    /// <param name="builder">The health checks.</param>
    /// <param name="clientName">The client registered with <c>AddPlugsmmClient</c>; the empty string for the default one.</param>
    /// <param name="name">The check's name; <c>plugsmm</c> (or <c>plugsmm-{clientName}</c>) by default.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddPlugsmm(this IHealthChecksBuilder builder, string clientName = "", string? name = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(clientName);
        return builder.Add(new HealthCheckRegistration(
            name ?? (clientName.Length == 0 ? "plugsmm" : "plugsmm-" + clientName),
            provider => new PlugsmmHealthCheck(provider.GetRequiredService<PlugsmmClientFactory>(), clientName),
            failureStatus: null,
            tags));
    }
}
