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
    public TimeSpan Left(ResilienceContext context) => Left(context.Properties.GetValue(CallPipeline.Call, null));

    /// <summary>What is left of the call's total timeout (all of it without a call).</summary>
    public TimeSpan Left(CallInfo? call) => call is null ? total : total - timeProvider.GetElapsedTime(call.Started);

    public bool HasPassed(ResilienceContext context) => Left(context) <= TimeSpan.Zero;

    /// <summary>The attempt's timeout: <paramref name="attemptTimeout"/>, or what is left of the total when that is shorter.</summary>
    /// <remarks>Asked before the attempt is counted in <see cref="CallInfo.Attempts"/>.</remarks>
    public TimeSpan AttemptTimeout(CallInfo call, TimeSpan attemptTimeout)
    {
        if (call.Attempts == 0)
        {
            // The first attempt starts as the call does, and the total is never shorter than an attempt (validated):
            // no need to read the clock.
            return attemptTimeout;
        }

        var left = Left(call);
        return left >= attemptTimeout ? attemptTimeout : left > MinimumAttemptTimeout ? left : MinimumAttemptTimeout;
    }
}
