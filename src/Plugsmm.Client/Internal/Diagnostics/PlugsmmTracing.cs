using System.Diagnostics;

namespace Plugsmm.Client;

/// <summary>The activity source <c>Plugsmm.Client</c>: one client span per call (the HTTP attempts below it are .NET's own spans).</summary>
internal static class PlugsmmTracing
{
    public const string SourceName = PlugsmmTelemetry.ActivitySourceName;

    public static readonly ActivitySource Source = new(SourceName, PlugsmmTelemetry.Version);

    /// <summary>
    /// The span of one call, or null when nobody listens (then not even its name is made). It starts with the
    /// client's <see cref="ServerTags"/>, so samplers see them too.
    /// </summary>
    public static Activity? Start(string action, KeyValuePair<string, object?>[] serverTags) =>
        Source.HasListeners() ? Source.StartActivity(SpanName(action), ActivityKind.Client, default(ActivityContext), serverTags) : null;

    /// <summary>
    /// <c>server.address</c> and <c>server.port</c> of the panel's address, as .NET's own HTTP spans spell them
    /// (the host as <see cref="Uri.IdnHost"/>, the port explicit or the scheme's default).
    /// </summary>
    public static KeyValuePair<string, object?>[] ServerTags(Uri baseAddress) =>
        [new("server.address", baseAddress.IdnHost), new("server.port", baseAddress.Port)];

    /// <summary>"plugsmm " and the action: constants for the actions the client sends.</summary>
    internal static string SpanName(string action) => action switch
    {
        "add" => "plugsmm add",
        "status" => "plugsmm status",
        "services" => "plugsmm services",
        "balance" => "plugsmm balance",
        "refill" => "plugsmm refill",
        "refill_status" => "plugsmm refill_status",
        "cancel" => "plugsmm cancel",
        _ => "plugsmm " + action,
    };
}
