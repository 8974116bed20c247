namespace Plugsmm.Client;

/// <summary>The status of one refill (the <c>refill_status</c> action).</summary>
public sealed class RefillStatus
{
    /// <summary>The state, read from <see cref="StatusText"/>.</summary>
    public required RefillState State { get; init; }

    /// <summary>The status word exactly as the panel sent it.</summary>
    public required string StatusText { get; init; }
}
