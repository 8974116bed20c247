using Plugsmm.Client.Testing;

namespace Plugsmm.Cli;

/// <summary>The names <c>simulate --fault</c> takes for the simulated panel's faults.</summary>
internal static class FaultNames
{
    private static readonly Dictionary<string, PanelFault> Faults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http-429"] = PanelFault.TooManyRequests(TimeSpan.FromSeconds(1)),
        ["http-500"] = PanelFault.ServerError(500),
        ["http-502"] = PanelFault.ServerError(502),
        ["http-503"] = PanelFault.ServerError(503),
        ["http-504"] = PanelFault.ServerError(504),
        ["cloudflare-520"] = PanelFault.Cloudflare(520),
        ["cloudflare-522"] = PanelFault.Cloudflare(522),
        ["cloudflare-524"] = PanelFault.Cloudflare(524),
        ["malformed-json"] = PanelFault.MalformedJson,
        ["truncated-json"] = PanelFault.TruncatedJson,
        ["empty-body"] = PanelFault.EmptyBody,
        ["drop-before"] = PanelFault.DropBeforeProcessing,
        ["drop-after"] = PanelFault.DropAfterProcessing,
        ["server-error-after"] = PanelFault.ServerErrorAfterProcessing(500),
        ["latency-35s"] = PanelFault.Latency(TimeSpan.FromSeconds(35)),
    };

    public static IEnumerable<string> Names => Faults.Keys;

    /// <summary>The faults named, or every one but the latency when none is.</summary>
    public static PanelFault[] Parse(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [.. Faults.Where(f => f.Value.Kind != PanelFaultKind.Latency).Select(f => f.Value)];
        }

        return [.. names.Select(name => Faults.TryGetValue(name, out var fault)
            ? fault
            : throw new UsageException($"--fault: '{name}' is not a fault: expected one of {string.Join(", ", Faults.Keys)}."))];
    }
}
