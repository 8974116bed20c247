using System.Reflection;

namespace Plugsmm.Client;

/// <summary>
/// The names under which the client reports, for OpenTelemetry's <c>AddMeter</c> and <c>AddSource</c>
/// (docs/telemetry.md): <c>.WithMetrics(m =&gt; m.AddMeter(PlugsmmTelemetry.MeterName))</c>,
/// <c>.WithTracing(t =&gt; t.AddSource(PlugsmmTelemetry.ActivitySourceName))</c>.
/// </summary>
public static class PlugsmmTelemetry
{
    /// <summary>The name of the client's meter (<c>System.Diagnostics.Metrics</c>): <c>Plugsmm.Client</c>.</summary>
    public const string MeterName = "Plugsmm.Client";

    /// <summary>The name of the client's activity source (one client span per call): <c>Plugsmm.Client</c>.</summary>
    public const string ActivitySourceName = "Plugsmm.Client";

    /// <summary>
    /// The package version the meter and the activity source carry: the assembly's informational version without
    /// its build metadata (what follows a <c>+</c>, such as a commit id).
    /// </summary>
    internal static readonly string Version = PackageVersion(typeof(PlugsmmTelemetry).Assembly);

    internal static string PackageVersion(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
