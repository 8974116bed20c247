using System.Globalization;
using Polly;

namespace Plugsmm.Client;

/// <summary>
/// One attempt of a call: sends the body (or, for the legacy adapter, encodes the fields again) and reads the answer
/// once (<see cref="AnswerBody"/>: sized by what arrives, never past <see cref="PlugsmmClientOptions.MaxResponseBytes"/>).
/// Failures come back as the outcome, as the pipeline takes them, rather than thrown through one more layer of it.
/// </summary>
internal sealed class AttemptSender(HttpClient http, PlugsmmClientOptions options, TimeProvider time, CallFailures failures)
{
    private const string JsonMediaType = "application/json";

    public async ValueTask<Outcome<object>> SendAsync<T>(Attempt<T> attempt, CancellationToken cancellationToken)
    {
        var call = attempt.Call;
        var action = call.Action;
        if (call.Waiting)
        {
            call.Waiting = false;
            if (time.GetElapsedTime(call.Started) > call.LatestStart && call.LastFailure is { } last)
            {
                // The retry's wait ended later than planned, too close to the total timeout for an attempt that could
                // do more than time out: nothing more is sent; the call ends as it stood.
                return Outcome.FromException<object>(last);
            }
        }

        call.Attempts++;
        using var content = attempt.Body is { } body ? new PhpFormContent(body, attempt.BodyLength, ownsBody: false) : LegacyFormContent.Create(attempt.Fields!);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.BaseAddress) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", JsonMediaType);

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and <= 399)
            {
                throw Redirected(call, status, response.Headers.Location);
            }

            var retryAfter = RetryAfter(response);
            var answer = await AnswerBody.ReadAsync(response.Content, options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            if (answer.TooLarge)
            {
                throw TooLarge(call, status, options.MaxResponseBytes);
            }

            try
            {
                return Outcome.FromResult<object>(Read(attempt.Read, call, status, answer.Span, retryAfter)!);
            }
            finally
            {
                // Parsed straight from the buffer: nothing of the answer outlives this line.
                answer.Release();
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled (an exception that carries the caller's token), or a timeout ran out, the attempt's or
            // the call's: the timeout strategy whose time it was turns the cancellation into its TimeoutRejectedException.
            return Outcome.FromException<object>(call.Caller.IsCancellationRequested ? new OperationCanceledException(exception.Message, exception, call.Caller) : exception);
        }
        catch (OperationCanceledException exception)
        {
            // Neither: the HttpClient's own Timeout, or a handler that gave up.
            return Outcome.FromException<object>(new PlugsmmException(
                $"Request timeout: {action} was cancelled by the HttpClient (its Timeout or a handler), not by the caller: {failures.Clean(exception.Message)}",
                action,
                PlugsmmErrorKind.Transient,
                innerException: failures.Sanitize(exception))
            {
                Reason = PlugsmmErrorReasons.Timeout,
                OutcomeUnknown = call.HasSideEffects,
            });
        }
        catch (HttpRequestException exception)
        {
            var (kind, reason, notSent) = ErrorClassifier.ClassifyTransport(exception);
            return Outcome.FromException<object>(new PlugsmmException($"The panel could not be reached for {action}: {failures.Clean(exception.Message)}", action, kind, innerException: failures.Sanitize(exception))
            {
                Reason = reason,
                OutcomeUnknown = call.HasSideEffects && !notSent,
            });
        }
        catch (IOException exception)
        {
            return Outcome.FromException<object>(new PlugsmmException($"The answer to {action} was cut off: {failures.Clean(exception.Message)}", action, PlugsmmErrorKind.Transient, innerException: failures.Sanitize(exception))
            {
                Reason = PlugsmmErrorReasons.ConnectionDropped,
                OutcomeUnknown = call.HasSideEffects,
            });
        }
        catch (Exception exception)
        {
            // The panel's refusals and unreadable answers (PlugsmmException), and anything unforeseen: the pipeline decides.
            return Outcome.FromException<object>(exception);
        }
    }

    /// <summary>
    /// Reads an answer. A value JSON accepts but .NET cannot turn into a string (invalid UTF-8 inside a string, say)
    /// throws <see cref="InvalidOperationException"/> from <see cref="System.Text.Json.JsonElement"/>: that is an unreadable answer too.
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
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// A redirect is never followed (the key is in the body). Where it points is named by scheme, host and port only,
    /// never its user-info (<c>https://KEY@host</c>), path or query (a relative Location is resolved against BaseAddress).
    /// </summary>
    private PlugsmmException Redirected(CallInfo call, int status, Uri? location)
    {
        var absolute = location is null ? null : location.IsAbsoluteUri ? location : new Uri(options.BaseAddress, location);
        var target = absolute is null ? "nowhere" : failures.Clean($"{absolute.Scheme}://{absolute.Authority}");
        return new PlugsmmException(
            $"The panel answered {call.Action} with a redirect (HTTP {status.ToString(CultureInfo.InvariantCulture)}) to '{target}'. " +
            "Redirects are never followed because the API key is in the body: point BaseAddress at the final address.",
            call.Action,
            PlugsmmErrorKind.Permanent,
            status)
        {
            Reason = PlugsmmErrorReasons.Redirect,
            OutcomeUnknown = call.HasSideEffects,
        };
    }

    private static PlugsmmException TooLarge(CallInfo call, int status, long max) =>
        new($"The answer to {call.Action} is larger than MaxResponseBytes ({max.ToString(CultureInfo.InvariantCulture)} bytes); it was not read further.", call.Action, ErrorClassifier.ClassifyUnreadableBody(status), status)
        {
            Reason = PlugsmmErrorReasons.ResponseTooLarge,
            OutcomeUnknown = call.HasSideEffects,
        };
}
