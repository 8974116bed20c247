namespace Plugsmm.Client.Testing;

/// <summary>One request the simulated panel received.</summary>
/// <param name="At">When (simulated time).</param>
/// <param name="Action">The <c>action</c> field, or empty.</param>
/// <param name="Fields">The top-level fields as PHP parsed them, the key replaced by <c>***</c>.</param>
/// <param name="Fault">The fault injected into this request, if any.</param>
/// <param name="Processed">Whether the panel carried the request out (an order taken, a refill made, …).</param>
public sealed record LedgerRequest(DateTimeOffset At, string Action, IReadOnlyDictionary<string, string> Fields, PanelFault? Fault, bool Processed);
