namespace Plugsmm.Client.Testing;

/// <summary>One movement of the simulated balance.</summary>
/// <param name="At">When (simulated time).</param>
/// <param name="Amount">The change: negative for a charge, positive for a refund or top-up.</param>
/// <param name="Balance">The balance after it.</param>
/// <param name="Reason">What it was (<c>order 5</c>, <c>refund of order 5</c>, <c>top-up</c>).</param>
public sealed record BalanceChange(DateTimeOffset At, decimal Amount, decimal Balance, string Reason);
