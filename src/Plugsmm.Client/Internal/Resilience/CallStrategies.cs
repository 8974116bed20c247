using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Plugsmm.Client;

/// <summary>
/// Polly's own strategies around every call, composed as <c>Microsoft.Extensions.Http.Resilience</c>'s standard
/// pipeline: total timeout → retry → circuit breaker → attempt timeout. What each handles is a predicate of
/// <see cref="ResilienceRules"/>; their events only record and log.
/// </summary>
internal static class CallStrategies
{
    /// <summary>Adds the four strategies, built from <paramref name="options"/>, to <paramref name="builder"/>.</summary>
    /// <param name="builder">The builder (typed on object: one breaker for all of a panel's calls, whatever their result).</param>
    /// <param name="options">The options the strategies are built from.</param>
    /// <param name="telemetry">Where retries and breaker changes are logged.</param>
    /// <param name="breakerState">The new breaker's state, for <see cref="PlugsmmClient.CircuitState"/> and the health check.</param>
    public static void Add(ResiliencePipelineBuilder<object> builder, PlugsmmResilienceOptions options, CallTelemetry telemetry, CircuitBreakerStateProvider breakerState)
    {
        var time = builder.TimeProvider ?? TimeProvider.System;
        builder.AddTimeout(options.TotalTimeout);
        if (options.Retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(Retry(options, telemetry, time));
        }

        builder.AddCircuitBreaker(CircuitBreaker(options.CircuitBreaker, telemetry, breakerState));
        builder.AddTimeout(options.AttemptTimeout);
    }

    private static RetryStrategyOptions<object> Retry(PlugsmmResilienceOptions options, CallTelemetry telemetry, TimeProvider time)
    {
        var retry = options.Retry.Clone();
        var total = options.TotalTimeout;
        var minimumAttempt = ResilienceRules.MinimumAttempt(options);
        return new RetryStrategyOptions<object>
        {
            MaxRetryAttempts = retry.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            Delay = retry.Delay,
            MaxDelay = retry.MaxDelay,
            UseJitter = retry.UseJitter,
            ShouldHandle = args => ValueTask.FromResult(
                ResilienceRules.IsRetried(args.Outcome.Exception, args.Context.Properties.GetValue(CallPipeline.Call, null), retry)
                && ResilienceRules.LeavesTimeForRetry(
                    ResilienceRules.Left(args.Context, total, time),
                    ResilienceRules.ShortestRetryDelay(args.Outcome.Exception, args.AttemptNumber, retry),
                    minimumAttempt)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                ResilienceRules.RetryDelay(args.Outcome.Exception, args.AttemptNumber, retry, Random.Shared.NextDouble())),
            OnRetry = args =>
            {
                if (args.Context.Properties.GetValue(CallPipeline.Call, null) is { } call)
                {
                    // What the call ends with if its wait runs into the total timeout, and by when the next attempt must start.
                    call.LastFailure = args.Outcome.Exception;
                    call.Waiting = true;
                    call.LatestStart = total - minimumAttempt;
                }

                // AttemptNumber is the zero-based attempt that failed; the log names the attempt about to start.
                telemetry.Retry(args.Context, args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception);
                return ValueTask.CompletedTask;
            },
        };
    }

    private static CircuitBreakerStrategyOptions<object> CircuitBreaker(PlugsmmCircuitBreakerOptions options, CallTelemetry telemetry, CircuitBreakerStateProvider state) => new()
    {
        FailureRatio = options.FailureRatio,
        MinimumThroughput = options.MinimumThroughput,
        SamplingDuration = options.SamplingDuration,
        BreakDuration = options.BreakDuration,
        StateProvider = state,
        ShouldHandle = args => ValueTask.FromResult(ResilienceRules.CountsAgainstPanel(args.Outcome.Exception, args.Context.Properties.GetValue(CallPipeline.Call, null))),
        OnOpened = args =>
        {
            ClientLog.CircuitOpened(telemetry.Logger, telemetry.Panel, args.BreakDuration.TotalSeconds);
            return ValueTask.CompletedTask;
        },
        OnHalfOpened = _ =>
        {
            ClientLog.CircuitHalfOpened(telemetry.Logger, telemetry.Panel);
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            ClientLog.CircuitClosed(telemetry.Logger, telemetry.Panel);
            return ValueTask.CompletedTask;
        },
    };
}
