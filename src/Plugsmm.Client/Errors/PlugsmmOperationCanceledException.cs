namespace Plugsmm.Client;

/// <summary>
/// The caller cancelled a call that changes something on the panel (<c>add</c>, <c>refill</c>, <c>cancel</c>) after
/// its request was sent: the panel may have carried it out. Still an <see cref="OperationCanceledException"/>, so
/// cancellation handling keeps working; <see cref="OutcomeUnknown"/> says to reconcile before trying again.
/// </summary>
public sealed class PlugsmmOperationCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was cancelled.</param>
    /// <param name="action">The API action.</param>
    /// <param name="correlationId">The call's correlation id.</param>
    /// <param name="innerException">The cancellation.</param>
    /// <param name="token">The caller's token.</param>
    public PlugsmmOperationCanceledException(string message, string action, string correlationId, Exception? innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        Action = action;
        CorrelationId = correlationId;
    }

    /// <summary>The API action that was cancelled.</summary>
    public string Action { get; }

    /// <summary>The call's correlation id, also in its log lines.</summary>
    public string CorrelationId { get; }

    /// <summary>Always <see langword="true"/>: the request was sent, the panel may have carried it out.</summary>
    public bool OutcomeUnknown { get; } = true;
}
