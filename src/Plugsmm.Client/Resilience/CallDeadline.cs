using Polly;

namespace Plugsmm.Client;

/// <summary>
/// A call's total timeout as a deadline measured from <see cref="CallInfo.Started"/> on the client's clock, with the
/// attempt timeout of the same options: what is left of the call, how long its next attempt may take, and whether
/// another attempt may still start. No attempt starts with less time left than <see cref="MinimumAttempt"/>: one
/// with a budget of a few milliseconds could only time out, and would turn an order that was certainly not placed
/// into one whose outcome is unknown.
/// </summary>
internal sealed class CallDeadline(TimeProvider timeProvider, TimeSpan total, TimeSpan attempt)
{
    /// <summary>The call's total timeout.</summary>
    public TimeSpan Total => total;

    /// <summary>An attempt's own timeout.</summary>
    public TimeSpan Attempt => attempt;

    /// <summary>The least time left with which another attempt starts: the attempt timeout, up to one second.</summary>
    public TimeSpan MinimumAttempt { get; } = attempt < TimeSpan.FromSeconds(1) ? attempt : TimeSpan.FromSeconds(1);

    /// <summary>What is left of the call's total timeout (all of it for a context without a call).</summary>
    public TimeSpan Left(ResilienceContext context) => Left(context.Properties.GetValue(CallPipeline.Call, null));

    /// <summary>What is left of the call's total timeout (all of it without a call).</summary>
    public TimeSpan Left(CallInfo? call) => call is null ? total : total - timeProvider.GetElapsedTime(call.Started);

    /// <summary>Whether it is too late for another attempt of the context's call.</summary>
    public bool TooLateToRetry(ResilienceContext context) => Left(context) < MinimumAttempt;

    /// <summary>Whether an attempt after a wait of <paramref name="delay"/> would still start in time.</summary>
    public bool AllowsRetryAfter(ResilienceContext context, TimeSpan delay) => Left(context) - delay >= MinimumAttempt;

    /// <summary>
    /// Whether the call's next attempt comes too late to start (a retry's wait that ended later than planned); never for
    /// the first attempt. Asked before the attempt is counted in <see cref="CallInfo.Attempts"/>.
    /// </summary>
    public bool TooLateFor(CallInfo call) => call.Attempts > 0 && Left(call) < MinimumAttempt;

    /// <summary>The next attempt's timeout: <see cref="Attempt"/>, or what is left of the total when that is shorter.</summary>
    /// <remarks>Asked before the attempt is counted in <see cref="CallInfo.Attempts"/>.</remarks>
    public TimeSpan AttemptTimeout(CallInfo call)
    {
        if (call.Attempts == 0)
        {
            // The first attempt starts as the call does: no need to read the clock.
            return attempt <= total ? attempt : total;
        }

        var left = Left(call);
        return left >= attempt ? attempt : left;
    }
}
