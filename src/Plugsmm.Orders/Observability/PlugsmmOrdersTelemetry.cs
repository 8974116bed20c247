using System.Reflection;

namespace Plugsmm.Orders;

/// <summary>
/// The names under which the order engine reports, for OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>
/// (docs/orders.md, "Metrics and traces"), next to the client's <c>PlugsmmTelemetry</c> names:
/// <c>.WithMetrics(m =&gt; m.AddMeter(PlugsmmOrdersTelemetry.MeterName))</c>,
/// <c>.WithTracing(t =&gt; t.AddSource(PlugsmmOrdersTelemetry.ActivitySourceName))</c>.
/// </summary>
public static class PlugsmmOrdersTelemetry
{
    /// <summary>The name of the engine's meter (<c>System.Diagnostics.Metrics</c>): <c>Plugsmm.Orders</c>.</summary>
    public const string MeterName = "Plugsmm.Orders";

    /// <summary>The name of the engine's activity source (one span per unit of work, the client's call spans below it): <c>Plugsmm.Orders</c>.</summary>
    public const string ActivitySourceName = "Plugsmm.Orders";

    /// <summary>The package version the meter and the activity source carry: the informational version without its build metadata.</summary>
    internal static readonly string Version = PackageVersion(typeof(PlugsmmOrdersTelemetry).Assembly);

    private static string PackageVersion(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
