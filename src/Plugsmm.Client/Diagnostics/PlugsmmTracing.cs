using System.Diagnostics;

namespace Plugsmm.Client;

/// <summary>The activity source <c>Plugsmm.Client</c>: one client span per call (the HTTP attempts below it are .NET's own spans).</summary>
internal static class PlugsmmTracing
{
    public const string SourceName = "Plugsmm.Client";

    public static readonly ActivitySource Source = new(SourceName);
}
