using System.Diagnostics;

namespace Plugsmm.Client;

/// <summary>The activity source <c>Plugsmm.Client</c>: one client span per call (the HTTP attempts below it are .NET's own spans).</summary>
internal static class PlugsmmTracing
{
    public const string SourceName = "Plugsmm.Client";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of one call, or null when nobody listens (then not even its name is made).</summary>
    public static Activity? Start(string action) =>
        Source.HasListeners() ? Source.StartActivity(SpanName(action), ActivityKind.Client) : null;

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
