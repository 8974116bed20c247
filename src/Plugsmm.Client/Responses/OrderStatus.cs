namespace Plugsmm.Client;

/// <summary>The status of one order (the <c>status</c> action).</summary>
public sealed class OrderStatus
{
    /// <summary>The state, read from <see cref="StatusText"/>; <see cref="OrderState.Unknown"/> for a word the SDK does not know.</summary>
    public required OrderState State { get; init; }

    /// <summary>The status word exactly as the panel sent it (empty when it sent none).</summary>
    public required string StatusText { get; init; }

    /// <summary>What the order cost, every decimal kept; <see langword="null"/> when the panel does not say.</summary>
    public decimal? Charge { get; init; }

    /// <summary>The count (followers, views, …) when delivery started; <see langword="null"/> when unknown.</summary>
    public long? StartCount { get; init; }

    /// <summary>Units still to deliver; <see langword="null"/> when the panel says <c>Unknown</c> or nothing.</summary>
    public long? Remains { get; init; }

    /// <summary>The currency of <see cref="Charge"/> (<c>USD</c>, …) when the panel gives it.</summary>
    public string? Currency { get; init; }
}
