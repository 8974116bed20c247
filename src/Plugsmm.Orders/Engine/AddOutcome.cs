using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// What a failed <c>add</c> means for the order. Only a definite refusal (nothing placed) may lead to another
/// <c>add</c>; anything that may have reached the panel goes to the resolution queue.
/// </summary>
internal readonly record struct AddOutcome(LocalOrderState State, string Reason, TimeSpan? RetryAfter)
{
    /// <summary>Reasons that pass with time or a top-up: the order waits and is placed again.</summary>
    private static readonly HashSet<string> WaitingReasons = new(StringComparer.Ordinal)
    {
        PlugsmmErrorReasons.InsufficientFunds,
        PlugsmmErrorReasons.ActiveOrderForLink,
        PlugsmmErrorReasons.TooManyActiveOrders,
        PlugsmmErrorReasons.RateLimited,
    };

    internal static AddOutcome Of(Exception error) => error switch
    {
        PlugsmmOperationCanceledException => Unknown("canceled_after_sending"),

        // Conservative: a cancellation the client did not qualify is not trusted to mean "nothing sent".
        OperationCanceledException => Unknown("canceled"),
        PlugsmmException { OutcomeUnknown: true } e => Unknown(e.Reason),

        // The panel says it has this order already: it may be ours from an earlier attempt.
        PlugsmmException { Reason: PlugsmmErrorReasons.DuplicateOrder } e => Unknown(e.Reason),
        PlugsmmException e when Waits(e) => new(LocalOrderState.Waiting, e.Reason, e.RetryAfter),
        PlugsmmException e => new(LocalOrderState.Failed, e.Reason, null),

        // The client checks its input before sending anything.
        ArgumentException => new(LocalOrderState.Failed, "invalid_order", null),
        _ => Unknown("unexpected_error"),
    };

    private static AddOutcome Unknown(string reason) => new(LocalOrderState.Unknown, reason, null);

    /// <summary>Funds, an active order on the link, a rate limit, or trouble that certainly never reached the panel.</summary>
    private static bool Waits(PlugsmmException error) =>
        error.Kind is PlugsmmErrorKind.InsufficientFunds or PlugsmmErrorKind.RateLimited or PlugsmmErrorKind.Transient
        || WaitingReasons.Contains(error.Reason);
}
