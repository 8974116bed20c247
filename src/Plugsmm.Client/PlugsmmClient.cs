using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using System.Security.Cryptography;

namespace Plugsmm.Client;

/// <summary>
/// The SMM panel API v2 client over a typed <see cref="HttpClient"/>. Register it with
/// <c>services.AddPlugsmmClient(...)</c>, or create it directly with an <see cref="HttpClient"/> whose handler
/// follows no redirects (the API key travels in the body).
/// </summary>
public sealed class PlugsmmClient : IPlugsmmClient
{
    /// <summary>The most ids the panels take in one multi-order request.</summary>
    public const int MaxIdsPerRequest = 100;

    private const string JsonMediaType = "application/json";

    [ThreadStatic]
    private static List<KeyValuePair<string, object?>>? t_fields;

    private readonly HttpClient _http;
    private readonly PlugsmmClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ErrorClassifier _classifier;
    private readonly KeySpellings _key;
    private readonly CallPipeline _pipeline;
    private readonly CallTelemetry _telemetry;
    private readonly AttemptTimer _attemptTimer;
    private readonly BodyArrays _bodyArrays = new();
    private readonly KeyValuePair<string, object?>[] _serverTags;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with; its handler should not follow redirects.</param>
    /// <param name="options">The settings; checked here, as at start-up.</param>
    /// <param name="logger">Where the client logs; none by default.</param>
    /// <param name="timeProvider">The clock for timeouts; the system clock by default.</param>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> is invalid; the message says what to fix.</exception>
    /// <param name="meterFactory">Where the <c>Plugsmm.Client</c> meter comes from; a process-wide meter by default.</param>
    public PlugsmmClient(HttpClient httpClient, PlugsmmClientOptions options, ILogger<PlugsmmClient>? logger = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        : this(
            httpClient,
            options,
            Options.DefaultName,
            logger ?? (ILogger)NullLogger.Instance,
            timeProvider ?? TimeProvider.System,
            logLegacyAdapter: true,
            pipeline: null,
            metrics: meterFactory is null ? PlugsmmMetrics.Default : PlugsmmMetrics.For(meterFactory))
    {
    }

    internal PlugsmmClient(HttpClient httpClient, PlugsmmClientOptions options, string name, ILogger logger, TimeProvider timeProvider, bool logLegacyAdapter, CallPipeline? pipeline, PlugsmmMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PlugsmmClientOptionsValidator().Validate(name, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(name, typeof(PlugsmmClientOptions), result.Failures);
        }

        _http = httpClient;
        _options = Snapshot(options);
        _time = timeProvider;
        _logger = logger;
        _classifier = new ErrorClassifier(_options.ErrorRules);
        _key = new KeySpellings(_options.ApiKey);
        _telemetry = new CallTelemetry(logger, metrics, PanelName(name));
        _pipeline = pipeline ?? new CallPipeline(_options, timeProvider, _telemetry);
        _attemptTimer = new AttemptTimer(timeProvider);
        _serverTags = PlugsmmTracing.ServerTags(_options.BaseAddress);
        if (logLegacyAdapter)
        {
            // Once per client name: which key and endpoint are in use, and the rollback flag.
            if (logger.IsEnabled(LogLevel.Information))
            {
                var fingerprint = KeyFingerprint(_options.ApiKey!);
                var address = _options.BaseAddress.GetLeftPart(UriPartial.Path);
                var panel = PanelName(name);
                ClientLog.Configured(logger, panel, fingerprint, address, _options.UseNewApi, _options.Timeout.TotalSeconds);
            }

            if (!_options.UseNewApi)
            {
                ClientLog.UsingLegacyAdapter(logger, PanelName(name));
            }
        }
    }

    private delegate T AnswerReader<T>(PanelAnswer answer);

    /// <inheritdoc />
    /// <remarks>Shared by every client of the same name created through dependency injection.</remarks>
    public PlugsmmCircuitState CircuitState => _pipeline.State;

    /// <inheritdoc />
    public Task<IReadOnlyList<PlugsmmService>> GetServicesAsync(CancellationToken cancellationToken = default) =>
        SendAsync("services", Fields("services"), ServiceCatalogueReader.Read, cancellationToken);

    /// <inheritdoc />
    public Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        var fields = Fields("add");
        fields.Add(new("service", order.ServiceId));
        order.AppendFields(fields);
        return SendAsync(
            "add",
            fields,
            AddAnswerReader.Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderId);
        return SendAsync(
            "status",
            Fields("status", "order", orderId),
            OrderStatusReader.ReadOne,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        ForEachChunkAsync(orderIds, nameof(orderIds), "status", "orders", OrderStatusReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<long> RefillAsync(long orderId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderId);
        return SendAsync(
            "refill",
            Fields("refill", "order", orderId),
            RefillReader.ReadOne,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        ForEachChunkAsync(orderIds, nameof(orderIds), "refill", "orders", RefillReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillId);
        return SendAsync(
            "refill_status",
            Fields("refill_status", "refill", refillId),
            RefillStatusReader.ReadOne,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) =>
        ForEachChunkAsync(refillIds, nameof(refillIds), "refill_status", "refills", RefillStatusReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        ForEachChunkAsync(orderIds, nameof(orderIds), "cancel", "orders", CancelReader.ReadMany, cancellationToken);

    /// <inheritdoc />
    public Task<PlugsmmBalance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        SendAsync("balance", Fields("balance"), BalanceReader.Read, cancellationToken);

    internal static PlugsmmClientOptions Snapshot(PlugsmmClientOptions options)
    {
        var copy = new PlugsmmClientOptions
        {
            ApiKey = options.ApiKey,
            BaseAddress = options.BaseAddress,
            Timeout = options.Timeout,
            UserAgent = options.UserAgent,
            UseNewApi = options.UseNewApi,
            MaxResponseBytes = options.MaxResponseBytes,
            Resilience = new PlugsmmResilienceOptions
            {
                MaxRetryAttempts = options.Resilience.MaxRetryAttempts,
                RetryDelay = options.Resilience.RetryDelay,
                MaxRetryDelay = options.Resilience.MaxRetryDelay,
                UseJitter = options.Resilience.UseJitter,
                TotalTimeout = options.Resilience.TotalTimeout,
                FailureRatio = options.Resilience.FailureRatio,
                MinimumThroughput = options.Resilience.MinimumThroughput,
                SamplingDuration = options.Resilience.SamplingDuration,
                BreakDuration = options.Resilience.BreakDuration,
            },
        };
        foreach (var rule in options.ErrorRules)
        {
            copy.ErrorRules.Add(new PlugsmmErrorRule { Pattern = rule.Pattern, Kind = rule.Kind, Reason = rule.Reason });
        }

        return copy;
    }

    private async Task<IReadOnlyList<ItemResult<T>>> ForEachChunkAsync<T>(
        IEnumerable<long> ids,
        string parameter,
        string action,
        string field,
        AnswerReader<Dictionary<long, ItemResult<T>>> read,
        CancellationToken cancellationToken)
    {
        var distinct = DistinctIds(ids, parameter);
        var results = new Dictionary<long, ItemResult<T>>(distinct.Count);
        var failures = new List<PlugsmmException>();
        var anyAnswered = false;
        var mayHaveHappened = 0; // ids whose request was answered, or failed with its outcome unknown
        foreach (var chunk in distinct.Chunk(MaxIdsPerRequest))
        {
            var list = string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            Dictionary<long, ItemResult<T>> answered;
            try
            {
                answered = await SendAsync(action, Fields(action, field, list), read, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && CallInfo.ChangesState(action)
                && (mayHaveHappened > 0 || exception is PlugsmmOperationCanceledException))
            {
                // The caller gave up after requests went out (this one, or earlier ones whose results are now lost to it):
                // not "nothing happened", whatever the cancellation itself says.
                var sent = mayHaveHappened + (exception is PlugsmmOperationCanceledException ? chunk.Length : 0);
                throw new PlugsmmOperationCanceledException(
                    $"The caller cancelled {action} after requests for {sent.ToString(CultureInfo.InvariantCulture)} of its {distinct.Count.ToString(CultureInfo.InvariantCulture)} distinct ids went out: the panel may have carried them out; check them before repeating.",
                    action,
                    (exception as PlugsmmOperationCanceledException)?.CorrelationId ?? string.Empty,
                    exception,
                    cancellationToken);
            }
            catch (PlugsmmException exception)
            {
                mayHaveHappened += exception.OutcomeUnknown ? chunk.Length : 0;
                // One request of many failed: the others' results (cancels or refills already made) must not be lost,
                // and its own ids carry its outcome (known failure, or unknown when it may have been carried out).
                failures.Add(exception);
                foreach (var id in chunk)
                {
                    results[id] = new ItemResult<T>(id, default, $"{exception.Kind}: {exception.Message}", exception);
                }

                continue;
            }

            anyAnswered = true;
            mayHaveHappened += chunk.Length;
            foreach (var id in chunk)
            {
                results[id] = answered.TryGetValue(id, out var item) ? item : NoEntry<T>(id, action);
            }
        }

        // Thrown only when one failure says the truth about every id: no request was answered, and there was only one
        // request or every failure's outcome is known (nothing was carried out). A side-effect call never reports a
        // definite failure while one of its requests may have been carried out: then each id carries its own outcome.
        if (!anyAnswered && failures.Count > 0 && (failures.Count == 1 || failures.TrueForAll(f => !f.OutcomeUnknown)))
        {
            throw failures[0];
        }

        return distinct.Select(id => results[id]).ToArray();
    }

    /// <summary>
    /// An id the panel's answer leaves out. For a read, a failure; for a refill or cancel, the panel may still have
    /// carried it out (it answered for the request), so its outcome is unknown.
    /// </summary>
    private static ItemResult<T> NoEntry<T>(long id, string action) => CallInfo.ChangesState(action)
        ? ItemResult.Unknown<T>(id, new PlugsmmException($"The panel's answer to {action} has no entry for this id: it may have been carried out; check it before repeating.", action) { Reason = "no_entry", OutcomeUnknown = true })
        : ItemResult.Failure<T>(id, "The panel's answer has no entry for this id.");

    private static List<long> DistinctIds(IEnumerable<long> ids, string parameter)
    {
        ArgumentNullException.ThrowIfNull(ids, parameter);
        var seen = new HashSet<long>();
        var distinct = new List<long>();
        var index = 0;
        foreach (var id in ids)
        {
            if (id <= 0)
            {
                throw new ArgumentOutOfRangeException(parameter, id, $"Id #{index.ToString(CultureInfo.InvariantCulture)} is {id.ToString(CultureInfo.InvariantCulture)}; ids are positive.");
            }

            if (seen.Add(id))
            {
                distinct.Add(id);
            }

            index++;
        }

        return distinct;
    }

    /// <summary>The fields of a call: the key and the action, then the action's own (a list this thread reuses once encoded).</summary>
    private List<KeyValuePair<string, object?>> Fields(string action)
    {
        var fields = t_fields ?? new List<KeyValuePair<string, object?>>(8);
        t_fields = null;
        fields.Add(new("key", _options.ApiKey));
        fields.Add(new("action", action));
        return fields;
    }

    private List<KeyValuePair<string, object?>> Fields(string action, string name, object value)
    {
        var fields = Fields(action);
        fields.Add(new(name, value));
        return fields;
    }

    private async Task<T> SendAsync<T>(string action, List<KeyValuePair<string, object?>> fields, AnswerReader<T> read, CancellationToken cancellationToken)
    {
        // Encoded once, before anything is sent: bad input fails here with nothing on the wire, and every attempt
        // sends the very same bytes. They hold the key, so they are wiped when the call ends. The legacy adapter
        // encodes per attempt, so it keeps the list; what the new encoder refuses as text it refuses here, unsent.
        byte[]? body = null;
        var bodyLength = 0;
        if (_options.UseNewApi)
        {
            body = PhpFormEncoder.EncodeToArray(fields, _bodyArrays.Take(), out bodyLength);
            fields.Clear();
            t_fields = fields;
        }
        else
        {
            LegacyFormContent.RefuseLoneSurrogates(fields);
        }

        try
        {
            var call = new CallInfo(action, CallInfo.ChangesState(action), _classifier, _key, PlugsmmCorrelation.ForCall()) { Started = _time.GetTimestamp() };
            var correlationId = call.CorrelationId;
            var panel = _telemetry.Panel;
            using var activity = PlugsmmTracing.Start(action, _serverTags);
            if (activity is not null)
            {
                activity.SetTag("plugsmm.action", action);
                activity.SetTag("plugsmm.panel", panel);
                activity.SetTag("plugsmm.correlation_id", correlationId);
            }

            ClientLog.Request(_logger, action, panel, correlationId);
            _telemetry.Metrics.Request(action, panel);
            var started = call.Started;
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(CallPipeline.Call, call);
            try
            {
                var outcome = await _pipeline.Pipeline.ExecuteOutcomeAsync(
                    static (attemptContext, state) => state.Client.AttemptAsync(state, attemptContext.CancellationToken),
                    context,
                    new Attempt<T>(this, call, read, body, bodyLength, body is null ? fields : null)).ConfigureAwait(false);
                outcome.ThrowIfException();
                var result = (T)outcome.Result!;
                var ended = _time.GetTimestamp();
                var elapsed = _time.GetElapsedTime(started, ended);
                _pipeline.RecordSuccess(ended);
                ClientLog.Success(_logger, action, (long)elapsed.TotalMilliseconds, call.Attempts, correlationId);
                _telemetry.Metrics.Success(action, panel, elapsed.TotalSeconds);
                if (activity is not null)
                {
                    activity.SetTag("plugsmm.attempts", call.Attempts);
                    activity.SetTag("plugsmm.outcome", "success");
                }

                return result;
            }
            catch (PlugsmmException exception)
            {
                throw Finish(exception, correlationId, call.Attempts, started, activity);
            }
            catch (BrokenCircuitException exception)
            {
                throw Finish(
                    new PlugsmmException($"Skipped {action}: the panel's circuit breaker is open, nothing was sent", action, PlugsmmErrorKind.Transient, innerException: exception)
                    {
                        Reason = "circuit_open",
                    },
                    correlationId,
                    call.Attempts,
                    started,
                    activity);
            }
            catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw Finish(
                    new PlugsmmException(
                        $"The call to {action} timed out after {ReportedTimeout(exception).TotalSeconds.ToString(CultureInfo.InvariantCulture)}s", action, PlugsmmErrorKind.Transient, innerException: Reported(exception))
                    {
                        Reason = "timeout",
                        OutcomeUnknown = call.HasSideEffects,
                    },
                    correlationId,
                    call.Attempts,
                    started,
                    activity);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && call.HasSideEffects && call.Attempts > 0)
            {
                // The caller gave up after a request went out: the panel may have taken it. Say so, as a cancellation.
                _telemetry.Metrics.Failure(action, _telemetry.Panel, PlugsmmErrorKind.Unknown, _time.GetElapsedTime(started).TotalSeconds);
                activity?.SetTag("plugsmm.outcome", "unknown");
                throw new PlugsmmOperationCanceledException(
                    $"The caller cancelled {action} after its request was sent: the panel may have carried it out; check before trying again (correlation id {correlationId}).",
                    action,
                    correlationId,
                    exception,
                    cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever else a handler or the runtime throws: still a PlugsmmException, never a surprise type.
                throw Finish(
                    new PlugsmmException($"The call to {action} failed unexpectedly: {exception.GetType().Name}: {Clean(exception.Message)}", action, PlugsmmErrorKind.Unknown, innerException: Sanitize(exception))
                    {
                        Reason = "unexpected",
                        OutcomeUnknown = call.HasSideEffects,
                    },
                    correlationId,
                    call.Attempts,
                    started,
                    activity);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        finally
        {
            // The body holds the key: wiped whatever happened, then kept for this client's next call.
            if (body is not null)
            {
                CryptographicOperations.ZeroMemory(body.AsSpan(0, bodyLength));
                _bodyArrays.Give(body);
            }
        }
    }

    /// <summary>
    /// The timeout to name: the attempt's, or the call's total when the attempt was cut short to end with it.
    /// </summary>
    private TimeSpan ReportedTimeout(TimeoutRejectedException exception) =>
        exception.Timeout < _pipeline.Deadline.Attempt ? _pipeline.Deadline.Total : exception.Timeout;

    /// <summary>The timeout exception with the timeout to name (so the log line says the same as the message).</summary>
    private TimeoutRejectedException Reported(TimeoutRejectedException exception) =>
        ReportedTimeout(exception) == exception.Timeout ? exception : new TimeoutRejectedException(exception.Message, ReportedTimeout(exception), exception);

    /// <summary>Reports a failed call once — its log lines, metrics and span — and stamps the exception with the call.</summary>
    private PlugsmmException Finish(PlugsmmException exception, string correlationId, int attempts, long started, Activity? activity)
    {
        var action = exception.Action;
        _telemetry.AttemptFailed(exception, action, correlationId);
        if (exception.Unclassified)
        {
            ClientLog.UnknownError(_logger, action, exception.Reason, exception.StatusCode, correlationId);
        }

        ClientLog.Error(
            _logger,
            exception.Kind,
            action,
            exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none",
            exception.Reason,
            attempts,
            exception.OutcomeUnknown,
            correlationId,
            LogText.Defang(PanelText.Clean(exception.Message, _key, PanelText.MaxMessageChars)),
            LogText.Defang(exception.ResponsePreview ?? string.Empty));
        _telemetry.Metrics.Failure(action, _telemetry.Panel, exception.Kind, _time.GetElapsedTime(started).TotalSeconds);
        if (activity is not null)
        {
            activity.SetTag("plugsmm.attempts", attempts);
            activity.SetTag("plugsmm.outcome", exception.OutcomeUnknown ? "unknown" : "failure");
            activity.SetTag("error.type", PlugsmmMetrics.ErrorType(exception.Kind));
            activity.SetTag("plugsmm.reason", exception.Reason);
            activity.SetStatus(ActivityStatusCode.Error, exception.Reason);
        }

        return exception.WithCall(correlationId, attempts);
    }

    /// <summary>The first 12 hex digits of the key's SHA-256: enough to tell keys apart, nothing to recover one from.</summary>
    internal static string KeyFingerprint(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)))[..12];

    private static string PanelName(string name) => name.Length == 0 ? "default" : name;

    /// <summary>
    /// One attempt of a call: sends the body (or, for the legacy adapter, encodes the fields again) and reads the answer
    /// once (<see cref="AnswerBody"/>: sized by what arrives, never past <see cref="PlugsmmClientOptions.MaxResponseBytes"/>).
    /// Failures come back as the outcome, as the pipeline takes them, rather than thrown through one more layer of it.
    /// </summary>
    private async ValueTask<Outcome<object>> AttemptAsync<T>(Attempt<T> attempt, CancellationToken cancellationToken)
    {
        var (call, read) = (attempt.Call, attempt.Read);
        var action = call.Action;
        var deadline = _pipeline.Deadline;
        if (deadline.TooLateFor(call))
        {
            // The retry's wait ended too close to the call's deadline: nothing more is sent; the call ends as it stood.
            return Outcome.FromException<object>(call.LastFailure ?? new TimeoutRejectedException(
                $"The operation didn't complete within the allowed timeout of '{deadline.Total}'.", deadline.Total));
        }

        var timeout = deadline.AttemptTimeout(call);
        call.Attempts++;
        using var content = attempt.Body is { } body ? new PhpFormContent(body, attempt.BodyLength, ownsBody: false) : LegacyFormContent.Create(attempt.Fields!);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.BaseAddress) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", JsonMediaType);

        // The attempt's own timeout, which the caller's cancellation also ends.
        var timer = _attemptTimer.Rent(timeout);
        var callerRegistration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timer)
            : default;
        var attemptToken = timer.Token;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and <= 399)
            {
                throw new PlugsmmException(
                    $"The panel answered {action} with a redirect (HTTP {status.ToString(CultureInfo.InvariantCulture)}) to '{RedirectTarget(response.Headers.Location)}'. " +
                    "Redirects are never followed because the API key is in the body: point BaseAddress at the final address.",
                    action,
                    PlugsmmErrorKind.Permanent,
                    status)
                {
                    Reason = "redirect",
                    OutcomeUnknown = call.HasSideEffects,
                };
            }

            var retryAfter = RetryAfter(response);
            var answer = await AnswerBody.ReadAsync(response.Content, _options.MaxResponseBytes, attemptToken).ConfigureAwait(false);
            if (answer.TooLarge)
            {
                throw TooLarge(call, status, _options.MaxResponseBytes);
            }

            try
            {
                return Outcome.FromResult<object>(Read(read, call, status, answer.Span, retryAfter)!);
            }
            finally
            {
                // Parsed straight from the buffer: nothing of the answer outlives this line.
                answer.Release();
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled: an exception that carries the caller's token (not the attempt's).
            return Outcome.FromException<object>(new OperationCanceledException(exception.Message, exception, cancellationToken));
        }
        catch (OperationCanceledException exception) when (timer.IsCancellationRequested)
        {
            // The attempt timed out: Polly's exception for it, which the retry and the breaker know.
            return Outcome.FromException<object>(new TimeoutRejectedException(
                $"The operation didn't complete within the allowed timeout of '{timeout}'.", timeout, exception));
        }
        catch (OperationCanceledException exception)
        {
            // Neither: the HttpClient's own Timeout, or a handler that gave up.
            return Outcome.FromException<object>(new PlugsmmException(
                $"Request timeout: {action} was cancelled by the HttpClient (its Timeout or a handler), not by the caller: {Clean(exception.Message)}",
                action,
                PlugsmmErrorKind.Transient,
                innerException: Sanitize(exception))
            {
                Reason = "timeout",
                OutcomeUnknown = call.HasSideEffects,
            });
        }
        catch (HttpRequestException exception)
        {
            var (kind, reason, notSent) = ErrorClassifier.ClassifyTransport(exception);
            return Outcome.FromException<object>(new PlugsmmException($"The panel could not be reached for {action}: {Clean(exception.Message)}", action, kind, innerException: Sanitize(exception))
            {
                Reason = reason,
                OutcomeUnknown = call.HasSideEffects && !notSent,
            });
        }
        catch (IOException exception)
        {
            return Outcome.FromException<object>(new PlugsmmException($"The answer to {action} was cut off: {Clean(exception.Message)}", action, PlugsmmErrorKind.Transient, innerException: Sanitize(exception))
            {
                Reason = "connection_dropped",
                OutcomeUnknown = call.HasSideEffects,
            });
        }
        catch (Exception exception)
        {
            // The panel's refusals and unreadable answers (PlugsmmException), and anything unforeseen: the pipeline decides.
            return Outcome.FromException<object>(exception);
        }
        finally
        {
            callerRegistration.Dispose();
            _attemptTimer.Return(timer);
        }
    }

    /// <summary>Text that is about to go into an exception or a log line: key removed, flattened, capped (<see cref="PanelText"/>).</summary>
    private string Clean(string text) => PanelText.Clean(text, _key);

    /// <summary>
    /// The inner exception to attach: the original, unless its message is longer than a message may be or its text
    /// holds the API key in any spelling (a proxy or handler that echoed the body), in which case a stand-in with the
    /// message cleaned, so ToString() never prints the key or megabytes.
    /// </summary>
    private Exception Sanitize(Exception exception) =>
        exception.Message.Length <= PanelText.MaxChars && !_key.AreIn(exception.ToString())
            ? exception
            : new InvalidOperationException($"{exception.GetType().FullName}: {Clean(exception.Message)} (the original exception was dropped because it held the API key or too long a message)");

    /// <summary>
    /// Reads an answer. A value JSON accepts but .NET cannot turn into a string (invalid UTF-8 inside a string, say)
    /// throws <see cref="InvalidOperationException"/> from <see cref="JsonElement"/>: that is an unreadable answer too.
    /// </summary>
    private static T Read<T>(AnswerReader<T> read, CallInfo call, int status, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        var answer = new PanelAnswer(call, status, body, retryAfter);
        try
        {
            return read(answer);
        }
        catch (InvalidOperationException exception)
        {
            throw answer.NotJson($"a value cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>The wait a 429 or 503 asks for (<c>Retry-After</c> in seconds or as a date), measured on the client's clock.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Where a redirect points: scheme, host and port only, never its user-info (<c>https://KEY@host</c>), path or query
    /// (a relative Location is resolved against BaseAddress).
    /// </summary>
    private string RedirectTarget(Uri? location)
    {
        if (location is null)
        {
            return "nowhere";
        }

        var target = location.IsAbsoluteUri ? location : new Uri(_options.BaseAddress, location);
        return Clean($"{target.Scheme}://{target.Authority}");
    }

    private static PlugsmmException TooLarge(CallInfo call, int status, long max) =>
        new($"The answer to {call.Action} is larger than MaxResponseBytes ({max.ToString(CultureInfo.InvariantCulture)} bytes); it was not read further.", call.Action, ErrorClassifier.ClassifyUnreadableBody(status), status)
        {
            Reason = "response_too_large",
            OutcomeUnknown = call.HasSideEffects,
        };

    /// <summary>What every attempt of one call needs, handed through the pipeline without a closure.</summary>
    private readonly record struct Attempt<T>(PlugsmmClient Client, CallInfo Call, AnswerReader<T> Read, byte[]? Body, int BodyLength, List<KeyValuePair<string, object?>>? Fields);
}
