namespace Plugsmm.Client;

/// <summary>The account's balance (the <c>balance</c> action).</summary>
public sealed class Balance
{
    /// <summary>The amount, every decimal the panel sent kept (<c>100.84292</c>).</summary>
    public required decimal Amount { get; init; }

    /// <summary>The currency (<c>USD</c>, …), or <see langword="null"/> when the panel does not say.</summary>
    public string? Currency { get; init; }
}
