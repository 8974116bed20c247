using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Plugsmm.Client;

/// <summary>
/// Turns whatever ended a call into the one exception type callers catch, <see cref="PlugsmmException"/> (or
/// <see cref="PlugsmmOperationCanceledException"/> when the caller cancelled after a request went out), with every
/// text from outside cleaned of the API key, flattened and capped (<see cref="PanelText"/>).
/// </summary>
internal sealed class CallFailures(KeySpellings key)
{
    /// <summary>The exception a call ends with, for what the pipeline let through.</summary>
    public PlugsmmException ToPlugsmmException(Exception exception, CallInfo call) => exception switch
    {
        PlugsmmException failure => failure,
        BrokenCircuitException => new PlugsmmException($"Skipped {call.Action}: the panel's circuit breaker is open, nothing was sent", call.Action, PlugsmmErrorKind.Transient, innerException: exception)
        {
            Reason = PlugsmmErrorReasons.CircuitOpen,
        },
        // The total timeout ran out while the call waited to retry: every attempt had failed (and, for a call with side
        // effects, certainly before reaching the panel, or it would not have been retried). It ends as it stood.
        TimeoutRejectedException when call is { Waiting: true, LastFailure: PlugsmmException last } => last,
        // An attempt's own timeout, or the call's total running out during an attempt (Polly's exception names which).
        TimeoutRejectedException timeout => new PlugsmmException(
            $"The call to {call.Action} timed out after {timeout.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s", call.Action, PlugsmmErrorKind.Transient, innerException: timeout)
        {
            Reason = PlugsmmErrorReasons.Timeout,
            OutcomeUnknown = call.HasSideEffects,
        },
        // Whatever else a handler or the runtime throws: still a PlugsmmException, never a surprise type.
        _ => new PlugsmmException($"The call to {call.Action} failed unexpectedly: {exception.GetType().Name}: {Clean(exception.Message)}", call.Action, PlugsmmErrorKind.Unknown, innerException: Sanitize(exception))
        {
            Reason = PlugsmmErrorReasons.Unexpected,
            OutcomeUnknown = call.HasSideEffects,
        },
    };

    /// <summary>The caller gave up after a request of a call with side effects went out: the panel may have taken it.</summary>
    public static PlugsmmOperationCanceledException CancelledAfterSending(CallInfo call, OperationCanceledException exception, CancellationToken cancellationToken) =>
        new(
            $"The caller cancelled {call.Action} after its request was sent: the panel may have carried it out; check before trying again (correlation id {call.CorrelationId}).",
            call.Action,
            call.CorrelationId,
            exception,
            cancellationToken);

    /// <summary>Text that is about to go into an exception or a log line: key removed, flattened, capped (<see cref="PanelText"/>).</summary>
    public string Clean(string text) => PanelText.Clean(text, key);

    /// <summary>
    /// The inner exception to attach: the original, unless its message is longer than a message may be or its text
    /// holds the API key in any spelling (a proxy or handler that echoed the body), in which case a stand-in with the
    /// message cleaned, so ToString() never prints the key or megabytes.
    /// </summary>
    public Exception Sanitize(Exception exception) =>
        exception.Message.Length <= PanelText.MaxChars && !key.AreIn(exception.ToString())
            ? exception
            : new InvalidOperationException($"{exception.GetType().FullName}: {Clean(exception.Message)} (the original exception was dropped because it held the API key or too long a message)");
}
