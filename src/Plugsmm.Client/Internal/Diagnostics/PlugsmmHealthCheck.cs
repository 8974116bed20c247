using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Plugsmm.Client;

/// <summary>
/// Reports a panel client's breaker state and last success: Healthy while closed, Degraded while half-open,
/// Unhealthy while open (calls are being skipped).
/// </summary>
internal sealed class PlugsmmHealthCheck(PlugsmmClientFactory factory, string clientName) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pipeline = factory.Pipeline(clientName);
        var state = pipeline.State;
        var data = new Dictionary<string, object>
        {
            ["panel"] = clientName.Length == 0 ? "default" : clientName,
            ["circuit_breaker_state"] = state.ToString(),
            ["last_success"] = pipeline.LastSuccess?.ToString("O", CultureInfo.InvariantCulture) ?? "never",
        };
        var result = state switch
        {
            PlugsmmCircuitState.Closed => HealthCheckResult.Healthy("Circuit breaker closed: calls flow.", data),
            PlugsmmCircuitState.HalfOpen => HealthCheckResult.Degraded("Circuit breaker half-open: a trial call decides.", data: data),
            _ => HealthCheckResult.Unhealthy("Circuit breaker open - skipping provider API call.", data: data),
        };
        return Task.FromResult(result);
    }
}
