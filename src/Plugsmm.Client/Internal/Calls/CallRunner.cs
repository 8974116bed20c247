using System.Security.Cryptography;
using Polly;

namespace Plugsmm.Client;

/// <summary>
/// The one request path of every call: encode the fields once, run the attempts through the panel's resilience
/// pipeline (<see cref="CallPipeline"/>, each attempt sent by <see cref="AttemptSender"/>), then report the outcome
/// (<see cref="CallTelemetry"/>) and turn any failure into a <see cref="PlugsmmException"/> (<see cref="CallFailures"/>).
/// </summary>
internal sealed class CallRunner
{
    private readonly PlugsmmClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ErrorClassifier _classifier;
    private readonly CallPipeline _pipeline;
    private readonly CallTelemetry _telemetry;
    private readonly AttemptSender _sender;
    private readonly CallFailures _failures;

    public CallRunner(HttpClient http, PlugsmmClientOptions options, TimeProvider time, CallPipeline pipeline, CallTelemetry telemetry)
    {
        _options = options;
        _time = time;
        _pipeline = pipeline;
        _telemetry = telemetry;
        _classifier = new ErrorClassifier(options.ErrorRules);
        Key = new KeySpellings(options.ApiKey);
        _failures = new CallFailures(Key);
        _sender = new AttemptSender(http, options, time, _failures);
    }

    /// <summary>The API key's spellings, to remove from whatever the panel or the network says.</summary>
    public KeySpellings Key { get; }

    /// <summary>The key and the action, ready for the action's own fields.</summary>
    public List<KeyValuePair<string, object?>> Fields(string action) => CallFields.For(_options.ApiKey!, action);

    /// <summary>The key, the action and one field of its own.</summary>
    public List<KeyValuePair<string, object?>> Fields(string action, string name, object value) => CallFields.For(_options.ApiKey!, action, name, value);

    /// <summary>An action with one id field (<c>status</c> with <c>order</c>, say); the id is checked before anything is sent.</summary>
    public Task<T> SendOneIdAsync<T>(string action, string field, long id, string parameter, AnswerReader<T> read, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id, parameter);
        return SendAsync(action, Fields(action, field, id), read, cancellationToken);
    }

    public async Task<T> SendAsync<T>(string action, List<KeyValuePair<string, object?>> fields, AnswerReader<T> read, CancellationToken cancellationToken)
    {
        // Encoded once, before anything is sent: bad input fails here with nothing on the wire, and every attempt
        // sends the very same bytes. They hold the key, so they are wiped when the call ends. The legacy adapter
        // encodes per attempt, so it keeps the list; what the new encoder refuses as text it refuses here, unsent.
        byte[]? body = null;
        var bodyLength = 0;
        if (_options.UseNewApi)
        {
            body = PhpFormEncoder.EncodeToArray(fields, out bodyLength);
            fields.Clear();
        }
        else
        {
            LegacyFormContent.RefuseLoneSurrogates(fields);
        }

        try
        {
            var call = new CallInfo(action, CallInfo.ChangesState(action), _classifier, Key, PlugsmmCorrelation.ForCall()) { Started = _time.GetTimestamp(), Caller = cancellationToken };
            using var activity = _telemetry.Started(call);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(CallPipeline.Call, call);
            try
            {
                var outcome = await _pipeline.Pipeline.ExecuteOutcomeAsync(
                    static (attemptContext, state) => state.Sender.SendAsync(state.Attempt, attemptContext.CancellationToken),
                    context,
                    (Sender: _sender, Attempt: new Attempt<T>(call, read, body, bodyLength, body is null ? fields : null))).ConfigureAwait(false);
                outcome.ThrowIfException();
                var ended = _time.GetTimestamp();
                _pipeline.RecordSuccess(ended);
                _telemetry.Succeeded(call, _time.GetElapsedTime(call.Started, ended), activity);
                return (T)outcome.Result!;
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && call.HasSideEffects && call.Attempts > 0)
            {
                // The caller gave up after a request went out: the panel may have taken it. Say so, as a cancellation.
                _telemetry.CancelledAfterSending(call, _time.GetElapsedTime(call.Started), activity);
                throw CallFailures.CancelledAfterSending(call, exception, cancellationToken);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception.CancellationToken != cancellationToken)
            {
                // Cancelled during a retry's wait: Polly's delay throws with the pipeline's token; the caller gets its own.
                throw new OperationCanceledException(exception.Message, exception, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failure = _failures.ToPlugsmmException(exception, call);
                throw _telemetry.Failed(failure, call, _time.GetElapsedTime(call.Started), activity);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        finally
        {
            // The body holds the key: wiped whatever happened.
            if (body is not null)
            {
                CryptographicOperations.ZeroMemory(body.AsSpan(0, bodyLength));
            }
        }
    }
}
