using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// One answer of the panel: its HTTP status and body. Turns it into a typed value, or into a
/// <see cref="PlugsmmException"/> when it holds a top-level <c>error</c> (at any status) or is not valid JSON.
/// </summary>
internal readonly ref struct PanelAnswer(CallInfo call, int statusCode, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
{
    /// <summary>The longest panel order id put in a message; a longer one is cut.</summary>
    private const int MaxPanelIdLength = 200;

    // A PHP file saved with a byte-order mark puts it before the JSON: it is not part of the answer.
    private readonly ReadOnlySpan<byte> _body = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
    private readonly string action = call.Action;

    /// <summary>The answer's bytes (without a byte-order mark).</summary>
    public ReadOnlySpan<byte> Body => _body;

    /// <summary>Whether the HTTP status is 2xx.</summary>
    public bool IsSuccessStatus => statusCode is >= 200 and <= 299;

    /// <summary>
    /// A reader on the answer's first token, which must be the start of an object. JSON <c>null</c> or any other
    /// value is an unreadable answer, as it was to the serializer.
    /// </summary>
    public Utf8JsonReader ReadObjectStart()
    {
        var reader = new Utf8JsonReader(_body);
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return reader;
            }

            ReadToEnd(ref reader);
        }
        catch (JsonException error)
        {
            throw NotJson(error.Message, error);
        }

        throw NotJson(reader.TokenType == JsonTokenType.Null ? "the answer is null" : $"expected a JSON object, got {Describe(reader.TokenType)}", null);
    }

    /// <summary>
    /// A reader on the answer's first token, which must be the start of an array. An object in its place is an error
    /// envelope, never a result: its <c>error</c>, or an unexpected answer. JSON <c>null</c> or anything else is unreadable.
    /// </summary>
    public Utf8JsonReader ReadArrayStart()
    {
        var reader = new Utf8JsonReader(_body);
        var error = default(JsonValue);
        try
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    return reader;
                case JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isError = reader.ValueIsEscaped ? PropertyNames.MatchEscaped(reader.ValueSpan, IsErrorName) : IsErrorName(reader.ValueSpan);
                        reader.Read();
                        if (isError)
                        {
                            error = new JsonValue(reader, _body);
                        }

                        reader.Skip();
                    }

                    ReadToEnd(ref reader);
                    break;
                case JsonTokenType.Null:
                    ReadToEnd(ref reader);
                    throw NotJson("the answer is null", null);
                default:
                    throw NotJson($"expected a JSON array, got {Describe(reader.TokenType)}", null);
            }
        }
        catch (JsonException exception)
        {
            throw NotJson(exception.Message, exception);
        }
        catch (InvalidOperationException exception)
        {
            throw NotJson($"a value cannot be read: {exception.Message}", exception);
        }

        ThrowIfError(error);
        throw Unexpected("expected a JSON array, got an object");
    }

    /// <summary>After the answer's last token: anything but white space there is invalid JSON (the reader throws).</summary>
    public static void ReadToEnd(ref Utf8JsonReader reader)
    {
        reader.Skip();
        if (reader.Read())
        {
            throw new JsonException($"'{reader.TokenType}' after the end of the answer.");
        }
    }

    /// <summary>Whether a (decoded) property name is <c>error</c>.</summary>
    public static bool IsErrorName(ReadOnlySpan<byte> name) => name.SequenceEqual("error"u8);

    /// <summary>Throws when the answer carries a top-level <c>error</c> that says something, or has a status that is not 2xx.</summary>
    public void ThrowIfError(scoped in JsonValue error)
    {
        if (error.TryGetErrorText(out var text))
        {
            throw PanelError(text);
        }

        if (statusCode is < 200 or > 299)
        {
            throw Unexpected("no error message");
        }
    }

    /// <summary>The panel's own error for the whole call: the panel refused it, so nothing was carried out.</summary>
    public PlugsmmException PanelError(string text)
    {
        // A panel may echo the key back ("Invalid API key: …"), break lines or send megabytes: none of it goes further.
        text = Clean(text);
        var (kind, reason) = call.Classifier.ClassifyMessage(text);
        var unclassified = kind == PlugsmmErrorKind.Unknown;
        if (kind == PlugsmmErrorKind.Unknown && statusCode != 200)
        {
            (kind, reason) = ErrorClassifier.ClassifyStatus(statusCode);
        }

        if (statusCode == 429)
        {
            (kind, reason) = (PlugsmmErrorKind.RateLimited, reason == "unknown" ? "http_429" : reason);
        }

        return new($"Plugsmm API error: the panel answered {action} with '{text}'", action, kind, statusCode, panelError: text)
        {
            Reason = reason,
            RetryAfter = retryAfter,
            Unclassified = unclassified && kind == PlugsmmErrorKind.Unknown,
            // An error behind a 5xx may come from a panel that crashed after taking the order: not a clean refusal.
            OutcomeUnknown = call.HasSideEffects && statusCode >= 500,
        };
    }

    /// <summary>An error next to an order id: the order may exist, so the outcome is unknown.</summary>
    public PlugsmmException PanelErrorBesideOrder(string text, long orderId)
    {
        text = Clean(text);
        return new($"Plugsmm API error: the panel answered {action} with order {orderId.ToString(CultureInfo.InvariantCulture)} and the error '{text}'; check that order before ordering again", action, PlugsmmErrorKind.Unknown, statusCode, panelError: text)
        {
            Reason = PlugsmmErrorReasons.ErrorBesideOrder,
            OutcomeUnknown = true,
        };
    }

    /// <summary>
    /// An order id that is no whole number a <see cref="long"/> holds (<c>"ref_01HG9X…"</c>): the panel took the order,
    /// but the caller cannot be given its id, so the outcome is unknown to the caller, who reconciles it by the panel's id
    /// (in <see cref="PlugsmmException.PanelError"/> and the message).
    /// </summary>
    public PlugsmmException NonNumericOrderId(string panelId)
    {
        // Cut by Clean, after the key is found: a key that starts before the cut is masked whole, not cut in two.
        panelId = PanelText.Clean(panelId, call.Key, MaxPanelIdLength);
        return new(
            $"Plugsmm API: the panel answered {action} with the order id '{panelId}', which is not a whole number this client can return; the order was placed: record that id and reconcile the order by it, never place it again",
            action,
            PlugsmmErrorKind.Unknown,
            statusCode,
            panelError: panelId,
            responsePreview: PanelText.Preview(_body, call.Key))
        {
            Reason = PlugsmmErrorReasons.NonNumericOrderId,
            RetryAfter = retryAfter,
            OutcomeUnknown = true,
        };
    }

    /// <summary>
    /// An item of a refill or cancel answer that is neither a result nor an error (a refill id that is no number, a
    /// cancel result that is no flag): the panel may have carried it out, so its outcome is unknown.
    /// </summary>
    public PlugsmmException UnreadableItem(string problem) =>
        new(Clean($"The panel's answer to {action} for this id {problem}: it may have been carried out; check it before repeating."), action, PlugsmmErrorKind.Unknown, statusCode)
        {
            Reason = PlugsmmErrorReasons.UnreadableItem,
            OutcomeUnknown = call.HasSideEffects,
        };

    /// <summary>
    /// Whether a reader's exception means the answer cannot be read: the JSON is malformed (<see cref="JsonException"/>),
    /// or a value JSON accepts cannot be made into .NET text (<see cref="InvalidOperationException"/>: invalid UTF-8
    /// inside a string, say).
    /// </summary>
    public static bool IsUnreadable(Exception exception) => exception is JsonException or InvalidOperationException;

    /// <summary>The error for an exception <see cref="IsUnreadable"/> accepts.</summary>
    public PlugsmmException Unreadable(Exception exception) => exception is JsonException
        ? NotJson(exception.Message, exception)
        : NotJson($"a value cannot be read: {exception.Message}", exception);

    /// <summary>The body is not JSON of the expected shape (HTML, empty, truncated, wrong types).</summary>
    /// <remarks>
    /// Behind an HTTP failure (a 5xx, a Cloudflare 52x, a 429, a 403) the failure is the reason (<c>http_500</c>,
    /// <c>cloudflare_522</c>, …) and the unreadable body only detail; <c>invalid_json</c> is left for a 2xx.
    /// </remarks>
    public PlugsmmException NotJson(string problem, Exception? inner)
    {
        var (kind, reason) = statusCode is >= 200 and <= 299 ? (PlugsmmErrorKind.Unknown, PlugsmmErrorReasons.InvalidJson) : ErrorClassifier.ClassifyStatus(statusCode);
        if (kind == PlugsmmErrorKind.Unknown)
        {
            kind = ErrorClassifier.ClassifyUnreadableBody(statusCode);
        }
        return new(
            Clean($"Unreadable answer to {action} (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}, not JSON): {problem}"),
            action,
            kind,
            statusCode,
            responsePreview: PanelText.Preview(_body, call.Key),
            innerException: inner)
        {
            Reason = reason,
            RetryAfter = retryAfter,
            UnreadableAnswer = true,
            OutcomeUnknown = call.HasSideEffects && statusCode != 429,
        };
    }

    /// <summary>Valid JSON, but not an answer this action can have (or a non-2xx status without a message).</summary>
    public PlugsmmException Unexpected(string problem)
    {
        var (kind, reason) = statusCode is >= 200 and <= 299 ? (PlugsmmErrorKind.Unknown, PlugsmmErrorReasons.UnexpectedAnswer) : ErrorClassifier.ClassifyStatus(statusCode);
        return new(
            Clean($"Unexpected answer to {action} (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}): {problem}"),
            action,
            kind,
            statusCode,
            responsePreview: PanelText.Preview(_body, call.Key))
        {
            Reason = reason,
            RetryAfter = retryAfter,
            OutcomeUnknown = call.HasSideEffects && statusCode != 429,
        };
    }

    /// <summary>Text that came from the panel, fit for a message or a log line: key removed, flattened, capped (<see cref="PanelText"/>).</summary>
    public string Clean(string text) => PanelText.Clean(text, call.Key);

    /// <summary>Problems are reported as "an object", "a string", …: the token the reader found.</summary>
    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString(),
    };
}
