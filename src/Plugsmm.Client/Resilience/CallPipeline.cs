using System.Runtime.ExceptionServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Plugsmm.Client;

/// <summary>
/// The Polly pipeline around every call of one client: retry → circuit breaker → the attempt, which keeps its own
/// timeout (<see cref="AttemptTimer"/>, reported as Polly's <see cref="TimeoutRejectedException"/>), all within the
/// call's total timeout. One per client name, so the breaker sees all of that panel's calls.
/// </summary>
/// <remarks>
/// Neither timeout is a strategy of its own (each would cost every call one more async step that, on a real socket,
/// is suspended and resumed): the attempt times itself, and the total timeout is a deadline (<see cref="Deadline"/>):
/// each attempt's timeout is cut to the time left before it, no retry starts after it, and a retry whose wait would
/// end past it is not made — the call fails at once with the failure it has.
/// </remarks>
internal sealed class CallPipeline
{
    /// <summary>
    /// The call in flight: whether it has side effects (then only failures that certainly did not reach the panel are
    /// retried), its action and correlation id for the retry log line. One property, set once per call.
    /// </summary>
    internal static readonly ResiliencePropertyKey<CallInfo?> Call = new("Plugsmm.Call");

    private const long NeverSucceeded = long.MinValue;

    private readonly CircuitBreakerStateProvider _breakerState = new();

    public CallPipeline(PlugsmmClientOptions options, TimeProvider timeProvider, CallTelemetry telemetry, Func<double>? randomizer = null)
    {
        _timeProvider = timeProvider;
        telemetry.Metrics.Track(telemetry.Panel, this);
        var resilience = options.Resilience;
        // Typed on object (every call's result, boxed when it is a number): one breaker for all of a panel's calls, and no
        // bridge between untyped strategies and a typed result on every step of every call.
        var builder = new ResiliencePipelineBuilder<object> { TimeProvider = timeProvider };
        var deadline = new CallDeadline(timeProvider, resilience.TotalTimeout, options.Timeout);
        Deadline = deadline;
        if (resilience.MaxRetryAttempts > 0)
        {
            var retry = new RetryStrategyOptions<object>
            {
                MaxRetryAttempts = resilience.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = resilience.RetryDelay,
                MaxDelay = resilience.MaxRetryDelay,
                UseJitter = resilience.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context, resilience.MaxRetryDelay) && !deadline.TooLateToRetry(args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is PlugsmmException { RetryAfter: { } wait } ? (TimeSpan?)wait : null),
                OnRetry = args =>
                {
                    if (!deadline.AllowsRetryAfter(args.Context, args.RetryDelay))
                    {
                        // After the wait, too little of the call's total timeout would be left: give up now, with the failure at hand.
                        ExceptionDispatchInfo.Throw(args.Outcome.Exception!);
                    }

                    if (args.Context.Properties.GetValue(Call, null) is { } call)
                    {
                        // What the call ends with if the wait overruns the deadline (CallDeadline.TooLateFor).
                        call.LastFailure = args.Outcome.Exception;
                    }

                    // AttemptNumber is the zero-based attempt that failed; the log names the attempt about to start.
                    telemetry.Retry(args.Context, args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            };
            if (randomizer is not null)
            {
                retry.Randomizer = randomizer;
            }

            builder.AddRetry(retry);
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<object>
        {
            FailureRatio = resilience.FailureRatio,
            MinimumThroughput = resilience.MinimumThroughput,
            SamplingDuration = resilience.SamplingDuration,
            BreakDuration = resilience.BreakDuration,
            StateProvider = _breakerState,
            ShouldHandle = args => ValueTask.FromResult(CountsAgainstPanel(args.Outcome.Exception)),
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
        });
        Pipeline = builder.Build();
    }

    private readonly TimeProvider _timeProvider;
    private long _lastSuccessTimestamp = NeverSucceeded;

    /// <summary>When the last call through this pipeline succeeded (for the health check), or null.</summary>
    public DateTimeOffset? LastSuccess =>
        Interlocked.Read(ref _lastSuccessTimestamp) is var at and not NeverSucceeded
            ? _timeProvider.GetUtcNow() - _timeProvider.GetElapsedTime(at)
            : null;

    /// <summary>Records a success; safe from any thread (the health check reads it concurrently).</summary>
    /// <param name="timestamp">When, as <see cref="TimeProvider.GetTimestamp"/> of the client's clock (a call's end is read once, for its duration and this).</param>
    public void RecordSuccess(long timestamp) => Interlocked.Exchange(ref _lastSuccessTimestamp, timestamp);

    public ResiliencePipeline<object> Pipeline { get; }

    /// <summary>The calls' total timeout, as a deadline per call.</summary>
    public CallDeadline Deadline { get; }

    public PlugsmmCircuitState State => _breakerState.CircuitState switch
    {
        CircuitState.Open => PlugsmmCircuitState.Open,
        CircuitState.HalfOpen => PlugsmmCircuitState.HalfOpen,
        CircuitState.Isolated => PlugsmmCircuitState.Isolated,
        _ => PlugsmmCircuitState.Closed,
    };

    /// <summary>The retry rule: retryable failures, and attempt timeouts of calls without side effects. Never an open circuit.</summary>
    internal static bool ShouldRetry(Exception? exception, ResilienceContext context, TimeSpan maxDelay) => exception switch
    {
        PlugsmmException { RetryAfter: { } wait } when wait > maxDelay => false,
        PlugsmmException failure => failure.IsRetryable,
        TimeoutRejectedException => context.Properties.GetValue(Call, null) is { HasSideEffects: false },
        _ => false,
    };

    /// <summary>What the breaker counts as the panel failing: transient and rate-limited failures and timeouts, not refusals.</summary>
    internal static bool CountsAgainstPanel(Exception? exception) => exception switch
    {
        PlugsmmException failure => failure.Kind is PlugsmmErrorKind.Transient or PlugsmmErrorKind.RateLimited,
        TimeoutRejectedException => true,
        _ => false,
    };
}
