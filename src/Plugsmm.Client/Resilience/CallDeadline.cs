using Polly;

namespace Plugsmm.Client;

/// <summary>
/// A call's total timeout as a deadline measured from <see cref="CallInfo.Started"/> on the client's clock: what is
/// left of it, whether it has passed, and how long the next attempt may take.
/// </summary>
internal sealed class CallDeadline(TimeProvider timeProvider, TimeSpan total)
{
    /// <summary>Attempts are never given less than this, so a nearly spent call still gets a (short) timeout.</summary>
    internal static readonly TimeSpan MinimumAttemptTimeout = TimeSpan.FromMilliseconds(1);

    /// <summary>The call's total timeout.</summary>
    public TimeSpan Total => total;

    /// <summary>What is left of the call's total timeout (all of it for a context without a call).</summary>
    public TimeSpan Left(ResilienceContext context) =>
        context.Properties.GetValue(CallPipeline.Call, null) is { } call ? total - timeProvider.GetElapsedTime(call.Started) : total;

    public bool HasPassed(ResilienceContext context) => Left(context) <= TimeSpan.Zero;

    /// <summary>The attempt's timeout: <paramref name="attemptTimeout"/>, or what is left of the total when that is shorter.</summary>
    public TimeSpan AttemptTimeout(ResilienceContext context, TimeSpan attemptTimeout)
    {
        if (context.Properties.GetValue(CallPipeline.Call, null) is { Attempts: 0 })
        {
            // The first attempt starts as the call does, and the total is never shorter than an attempt (validated):
            // no need to read the clock.
            return attemptTimeout;
        }

        var left = Left(context);
        return left >= attemptTimeout ? attemptTimeout : left > MinimumAttemptTimeout ? left : MinimumAttemptTimeout;
    }
}
