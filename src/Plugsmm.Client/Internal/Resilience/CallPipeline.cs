using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Plugsmm.Client;

/// <summary>
/// The resilience pipeline of one panel (<see cref="CallStrategies"/>), shared by every client of that name so its
/// breaker sees all of the panel's calls, with what the health check and the metrics read: the breaker's state and
/// the last success. Clients from dependency injection get it from Polly's <see cref="ResiliencePipelineRegistry{TKey}"/>,
/// rebuilt from the new options when the name's options change; a client built directly gets one from its own options.
/// </summary>
internal sealed class CallPipeline : IDisposable
{
    /// <summary>
    /// The call in flight: whether it has side effects (then only failures that certainly did not reach the panel are
    /// retried), its action and correlation id for the retry log line. One property, set once per call.
    /// </summary>
    internal static readonly ResiliencePropertyKey<CallInfo?> Call = new("Plugsmm.Call");

    private const long NeverSucceeded = long.MinValue;

    private readonly TimeProvider _timeProvider;
    private readonly CallTelemetry _telemetry;
    private OptionsReloadToken? _reloads;
    private CircuitBreakerStateProvider _breakerState = new();
    private long _lastSuccessTimestamp = NeverSucceeded;

    private CallPipeline(TimeProvider timeProvider, CallTelemetry telemetry)
    {
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        telemetry.Metrics.Track(telemetry.Panel, this);
    }

    public ResiliencePipeline<object> Pipeline { get; private set; } = ResiliencePipeline<object>.Empty;

    /// <summary>When the last call through this pipeline succeeded (for the health check), or null.</summary>
    public DateTimeOffset? LastSuccess =>
        Interlocked.Read(ref _lastSuccessTimestamp) is var at and not NeverSucceeded
            ? _timeProvider.GetUtcNow() - _timeProvider.GetElapsedTime(at)
            : null;

    /// <summary>The state of the breaker (of the pipeline built last).</summary>
    public PlugsmmCircuitState State => Volatile.Read(ref _breakerState).CircuitState switch
    {
        CircuitState.Open => PlugsmmCircuitState.Open,
        CircuitState.HalfOpen => PlugsmmCircuitState.HalfOpen,
        CircuitState.Isolated => PlugsmmCircuitState.Isolated,
        _ => PlugsmmCircuitState.Closed,
    };

    /// <summary>A pipeline built once from fixed options: a client created without dependency injection.</summary>
    public static CallPipeline Create(PlugsmmResilienceOptions options, TimeProvider timeProvider, CallTelemetry telemetry)
    {
        var pipeline = new CallPipeline(timeProvider, telemetry);
        var builder = new ResiliencePipelineBuilder<object> { TimeProvider = timeProvider };
        pipeline.Configure(builder, options);
        pipeline.Pipeline = builder.Build();
        return pipeline;
    }

    /// <summary>
    /// The pipeline registered under the client's <paramref name="name"/> in <paramref name="registry"/>, built from
    /// the name's options and rebuilt from the new ones when they change (the next calls use it; calls under way end
    /// on the one they started with).
    /// </summary>
    public static CallPipeline Register(ResiliencePipelineRegistry<string> registry, string name, IOptionsMonitor<PlugsmmClientOptions> options, TimeProvider timeProvider, CallTelemetry telemetry)
    {
        var reloads = new OptionsReloadToken(options, name);
        var pipeline = new CallPipeline(timeProvider, telemetry) { _reloads = reloads };
        pipeline.Pipeline = registry.GetOrAddPipeline<object>(name, (builder, context) =>
        {
            context.AddReloadToken(reloads.Token);
            builder.TimeProvider = timeProvider;
            pipeline.Configure(builder, options.Get(name).Resilience);
        });
        return pipeline;
    }

    /// <summary>Records a success; safe from any thread (the health check reads it concurrently).</summary>
    /// <param name="timestamp">When, as <see cref="TimeProvider.GetTimestamp"/> of the client's clock (a call's end is read once, for its duration and this).</param>
    public void RecordSuccess(long timestamp) => Interlocked.Exchange(ref _lastSuccessTimestamp, timestamp);

    public void Dispose() => _reloads?.Dispose();

    private void Configure(ResiliencePipelineBuilder<object> builder, PlugsmmResilienceOptions options)
    {
        // A breaker's state provider serves one breaker: each build has its own.
        var state = new CircuitBreakerStateProvider();
        CallStrategies.Add(builder, options, _telemetry, state);
        Volatile.Write(ref _breakerState, state);
    }
}
