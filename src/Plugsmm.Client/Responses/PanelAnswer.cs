using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Plugsmm.Client;

/// <summary>
/// One answer of the panel: its HTTP status and body. Turns it into a typed value, or into a
/// <see cref="PlugsmmException"/> when it holds a top-level <c>error</c> (at any status) or is not valid JSON.
/// </summary>
internal readonly ref struct PanelAnswer(CallInfo call, int statusCode, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
{
    // A PHP file saved with a byte-order mark puts it before the JSON: it is not part of the answer.
    private readonly ReadOnlySpan<byte> _body = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
    private readonly string action = call.Action;

    public T Read<T>(JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(_body, type) ?? throw NotJson("the answer is null", null);
        }
        catch (JsonException error)
        {
            throw NotJson(error.Message, error);
        }
    }

    /// <summary>For answers that are arrays: an object in their place is an error envelope, never a result.</summary>
    public T ReadArray<T>(JsonTypeInfo<T> type)
        where T : class
    {
        if (StartsWithObject())
        {
            var envelope = Read(PanelJsonContext.Default.ErrorDto);
            ThrowIfError(envelope.Error);
            throw Unexpected("expected a JSON array, got an object");
        }

        return Read(type);
    }

    /// <summary>Throws when the answer carries a top-level <c>error</c>.</summary>
    public void ThrowIfError(JsonElement? error)
    {
        if (IsError(error))
        {
            throw PanelError(ErrorText(error!.Value));
        }

        if (statusCode is < 200 or > 299)
        {
            throw Unexpected("no error message");
        }
    }

    /// <summary>The panel's own error for the whole call: the panel refused it, so nothing was carried out.</summary>
    public PlugsmmException PanelError(string text)
    {
        // A panel may echo the key back ("Invalid API key: …"): it never goes further than here.
        text = ResponsePreview.Scrub(text, call.ApiKey);
        var (kind, reason) = call.Classifier.ClassifyMessage(text);
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
            Reason = "error_beside_order",
            OutcomeUnknown = true,
        };
    }

    /// <summary>The body is not JSON of the expected shape (HTML, empty, truncated, wrong types).</summary>
    public PlugsmmException NotJson(string problem, Exception? inner)
    {
        var kind = statusCode == 429 ? PlugsmmErrorKind.RateLimited : ErrorClassifier.ClassifyUnreadableBody(statusCode);
        return new(
            Clean($"Invalid JSON response to {action} (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}): {problem}"),
            action,
            kind,
            statusCode,
            responsePreview: ResponsePreview.Create(_body, call.ApiKey),
            innerException: inner)
        {
            Reason = kind == PlugsmmErrorKind.RateLimited ? "http_429" : "invalid_json",
            RetryAfter = retryAfter,
            OutcomeUnknown = call.HasSideEffects && statusCode != 429,
        };
    }

    /// <summary>Valid JSON, but not an answer this action can have (or a non-2xx status without a message).</summary>
    public PlugsmmException Unexpected(string problem)
    {
        var (kind, reason) = statusCode is >= 200 and <= 299 ? (PlugsmmErrorKind.Unknown, "unexpected_answer") : ErrorClassifier.ClassifyStatus(statusCode);
        return new(
            Clean($"Unexpected answer to {action} (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}): {problem}"),
            action,
            kind,
            statusCode,
            responsePreview: ResponsePreview.Create(_body, call.ApiKey))
        {
            Reason = reason,
            RetryAfter = retryAfter,
            OutcomeUnknown = call.HasSideEffects && statusCode != 429,
        };
    }

    /// <summary>The text of an <c>error</c> value: a string as is, anything else as its JSON.</summary>
    public static string ErrorText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>Whether an <c>error</c> value says something: <c>null</c>, <c>""</c>, <c>false</c> and <c>0</c> do not.</summary>
    public static bool IsError(JsonElement? error) => error is { } value && value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Trim().Length > 0,
        JsonValueKind.Number => !(value.TryGetInt64(out var number) && number == 0),
        _ => true,
    };

    /// <summary>Removes the API key from text that came from the panel.</summary>
    public string Clean(string text) => ResponsePreview.Scrub(text, call.ApiKey);

    /// <summary>An item's value-or-error: an object holding <c>error</c> is that item's error.</summary>
    public static bool TryGetItemError(JsonElement? value, out string error)
    {
        if (value is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty("error", out var text) && IsError(text))
        {
            error = ErrorText(text);
            return true;
        }

        error = string.Empty;
        return false;
    }

    private bool StartsWithObject()
    {
        var reader = new Utf8JsonReader(_body);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
