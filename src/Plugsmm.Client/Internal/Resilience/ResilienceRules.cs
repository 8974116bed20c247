using Polly;
using Polly.Timeout;

namespace Plugsmm.Client;

/// <summary>
/// What each strategy of <see cref="CallStrategies"/> handles, as plain predicates (pinned by tests): which failures
/// are retried and after how long, and which the circuit breaker counts. The no-duplicate rule lives here, never in
/// an event: an order is retried only when its request certainly did not reach the panel.
/// </summary>
internal static class ResilienceRules
{
    /// <summary>The least time left of the total with which another attempt starts: one second, or the attempt timeout if shorter.</summary>
    /// <remarks>
    /// An attempt with a budget of a few milliseconds could only time out, and would turn an order that was certainly
    /// not placed into one whose outcome is unknown.
    /// </remarks>
    public static TimeSpan MinimumAttempt(PlugsmmResilienceOptions options) =>
        options.AttemptTimeout < TimeSpan.FromSeconds(1) ? options.AttemptTimeout : TimeSpan.FromSeconds(1);

    /// <summary>
    /// The retry rule: retryable failures (for calls with side effects, only those that certainly did not reach the
    /// panel: <see cref="PlugsmmException.IsRetryable"/>), and attempt timeouts of calls without side effects; never a
    /// <c>Retry-After</c> longer than <see cref="PlugsmmRetryOptions.MaxDelay"/>, nor an open circuit or a cancellation.
    /// </summary>
    public static bool IsRetried(Exception? exception, CallInfo? call, PlugsmmRetryOptions retry) => exception switch
    {
        PlugsmmException { RetryAfter: { } wait } when wait > retry.MaxDelay => false,
        PlugsmmException failure => failure.IsRetryable,
        TimeoutRejectedException => call is { HasSideEffects: false },
        _ => false,
    };

    /// <summary>
    /// Whether, after even the shortest wait the retry could make, at least <paramref name="minimumAttempt"/> of the
    /// call's total timeout would be left for the next attempt. A retry that could not start in time is not made: the
    /// call ends at once with the failure it has, instead of waiting for nothing.
    /// </summary>
    public static bool LeavesTimeForRetry(TimeSpan left, TimeSpan shortestWait, TimeSpan minimumAttempt) => left - shortestWait >= minimumAttempt;

    /// <summary>What is left of the call's total timeout (all of it for a context without a call).</summary>
    public static TimeSpan Left(ResilienceContext context, TimeSpan total, TimeProvider time) =>
        context.Properties.GetValue(CallPipeline.Call, null) is { } call ? total - time.GetElapsedTime(call.Started) : total;

    /// <summary>
    /// The wait before the retry after attempt <paramref name="attempt"/> (0 for the first): the panel's
    /// <c>Retry-After</c> when it gave one, else <see cref="PlugsmmRetryOptions.Delay"/> doubled per attempt, at most
    /// <see cref="PlugsmmRetryOptions.MaxDelay"/>, spread by ±25 % when jittered (<paramref name="random"/> in [0, 1)).
    /// </summary>
    public static TimeSpan RetryDelay(Exception? failure, int attempt, PlugsmmRetryOptions retry, double random)
    {
        if (failure is PlugsmmException { RetryAfter: { } wait })
        {
            return wait;
        }

        var delay = Backoff(attempt, retry);
        return retry.UseJitter ? Min(delay * (0.75 + (random / 2)), retry.MaxDelay) : delay;
    }

    /// <summary>The shortest wait <see cref="RetryDelay"/> can give for this failure and attempt.</summary>
    public static TimeSpan ShortestRetryDelay(Exception? failure, int attempt, PlugsmmRetryOptions retry) =>
        failure is PlugsmmException { RetryAfter: { } wait } ? wait
        : retry.UseJitter ? Backoff(attempt, retry) * 0.75
        : Backoff(attempt, retry);

    /// <summary>
    /// What the circuit breaker counts as the panel failing: transient and rate-limited failures and timeouts (an
    /// attempt's own, or the call's total running out during an attempt), not the panel's refusals and not the caller's cancellation.
    /// </summary>
    public static bool CountsAgainstPanel(Exception? exception, CallInfo? call) => exception switch
    {
        PlugsmmException failure => failure.Kind is PlugsmmErrorKind.Transient or PlugsmmErrorKind.RateLimited,
        TimeoutRejectedException => true,
        OperationCanceledException => call is { Caller.IsCancellationRequested: false },
        _ => false,
    };

    /// <summary>Exponential backoff: the delay doubled per attempt, at most the longest delay.</summary>
    private static TimeSpan Backoff(int attempt, PlugsmmRetryOptions retry)
    {
        var ticks = retry.Delay.Ticks * Math.Pow(2, Math.Min(attempt, 62));
        return ticks >= retry.MaxDelay.Ticks ? retry.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
