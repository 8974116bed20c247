using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>What each strategy handles, as the predicates the pipeline is built with.</summary>
public sealed class ResilienceRulesTests
{
    private static readonly PlugsmmRetryOptions Retry = new() { UseJitter = false };
    private static readonly TimeoutRejectedException AttemptTimeout = new("timed out", TimeSpan.FromSeconds(30));

    [Fact]
    public void An_attempt_timeout_is_retried_only_for_calls_without_side_effects()
    {
        Assert.True(ResilienceRules.IsRetried(AttemptTimeout, Call("status"), Retry));
        Assert.False(ResilienceRules.IsRetried(AttemptTimeout, Call("add"), Retry));
        Assert.False(ResilienceRules.IsRetried(AttemptTimeout, null, Retry));
    }

    [Fact]
    public void Only_retryable_failures_are_retried_and_never_a_retry_after_past_the_longest_delay()
    {
        var unavailable = new PlugsmmException("503", "add", PlugsmmErrorKind.Transient);
        var unknown = new PlugsmmException("502", "add", PlugsmmErrorKind.Transient) { OutcomeUnknown = true };
        var slowDown = new PlugsmmException("429", "status", PlugsmmErrorKind.RateLimited) { RetryAfter = TimeSpan.FromMinutes(1) };

        Assert.True(ResilienceRules.IsRetried(unavailable, Call("add"), Retry));
        Assert.False(ResilienceRules.IsRetried(unknown, Call("add"), Retry));
        Assert.False(ResilienceRules.IsRetried(slowDown, Call("status"), Retry));
        Assert.False(ResilienceRules.IsRetried(new BrokenCircuitException(), Call("status"), Retry));
        Assert.False(ResilienceRules.IsRetried(new OperationCanceledException(), Call("status"), Retry));
    }

    [Fact]
    public void The_breaker_counts_transient_and_rate_limited_failures_and_timeouts_not_refusals_nor_the_callers_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(ResilienceRules.CountsAgainstPanel(new PlugsmmException("503", "status", PlugsmmErrorKind.Transient), Call("status")));
        Assert.True(ResilienceRules.CountsAgainstPanel(new PlugsmmException("429", "status", PlugsmmErrorKind.RateLimited), Call("status")));
        Assert.True(ResilienceRules.CountsAgainstPanel(AttemptTimeout, Call("status")));
        Assert.True(ResilienceRules.CountsAgainstPanel(new OperationCanceledException(), Call("status")));
        Assert.False(ResilienceRules.CountsAgainstPanel(new PlugsmmException("funds", "add", PlugsmmErrorKind.InsufficientFunds), Call("add")));
        Assert.False(ResilienceRules.CountsAgainstPanel(new PlugsmmException("bad service", "add", PlugsmmErrorKind.Permanent), Call("add")));
        Assert.False(ResilienceRules.CountsAgainstPanel(new OperationCanceledException(), Call("status", cancelled.Token)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(40, 30)]
    public void Delays_double_from_the_first_up_to_the_longest(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ResilienceRules.RetryDelay(null, attempt, Retry, random: 0.9));
        Assert.Equal(TimeSpan.FromSeconds(seconds), ResilienceRules.ShortestRetryDelay(null, attempt, Retry));
    }

    [Fact]
    public void Jitter_spreads_a_delay_by_a_quarter_either_way_and_the_shortest_is_its_lower_end()
    {
        var jittered = new PlugsmmRetryOptions();

        Assert.Equal(TimeSpan.FromSeconds(1.5), ResilienceRules.RetryDelay(null, 1, jittered, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(1.5), ResilienceRules.ShortestRetryDelay(null, 1, jittered));
        Assert.Equal(TimeSpan.FromSeconds(2.5), ResilienceRules.RetryDelay(null, 1, jittered, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(30), ResilienceRules.RetryDelay(null, 5, jittered, random: 1));
    }

    [Fact]
    public void A_retry_after_is_the_delay_exactly()
    {
        var slowDown = new PlugsmmException("429", "status", PlugsmmErrorKind.RateLimited) { RetryAfter = TimeSpan.FromSeconds(7) };

        Assert.Equal(TimeSpan.FromSeconds(7), ResilienceRules.RetryDelay(slowDown, 2, new PlugsmmRetryOptions(), random: 0.3));
        Assert.Equal(TimeSpan.FromSeconds(7), ResilienceRules.ShortestRetryDelay(slowDown, 2, new PlugsmmRetryOptions()));
    }

    [Fact]
    public void A_retry_is_made_only_if_at_least_the_minimum_attempt_is_left_after_its_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), ResilienceRules.MinimumAttempt(new PlugsmmResilienceOptions()));
        Assert.Equal(TimeSpan.FromMilliseconds(200), ResilienceRules.MinimumAttempt(new PlugsmmResilienceOptions { AttemptTimeout = TimeSpan.FromMilliseconds(200) }));
        Assert.True(ResilienceRules.LeavesTimeForRetry(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(1)));
        Assert.False(ResilienceRules.LeavesTimeForRetry(TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(1)));
    }

    private static CallInfo Call(string action, CancellationToken caller = default) =>
        new(action, CallInfo.ChangesState(action), new ErrorClassifier(null), new KeySpellings("k"), "c0ffee") { Caller = caller };
}
