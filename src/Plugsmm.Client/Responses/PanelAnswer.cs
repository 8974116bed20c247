using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Plugsmm.Client;

/// <summary>
/// One answer of the panel: its HTTP status and body. Turns it into a typed value, or into a
/// <see cref="PlugsmmException"/> when it holds a top-level <c>error</c> (at any status) or is not valid JSON.
/// </summary>
internal readonly ref struct PanelAnswer(string action, int statusCode, ReadOnlySpan<byte> body, string? apiKey)
{
    private readonly ReadOnlySpan<byte> _body = body;

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
        if (error is { } value)
        {
            throw PanelError(ErrorText(value));
        }

        if (statusCode is < 200 or > 299)
        {
            throw Unexpected("no error message");
        }
    }

    /// <summary>The panel's own error for the whole call.</summary>
    public PlugsmmException PanelError(string text) =>
        new($"The panel answered {action} with an error: {text}", action, statusCode, panelError: text);

    /// <summary>The body is not JSON of the expected shape (HTML, empty, truncated, wrong types).</summary>
    public PlugsmmException NotJson(string problem, Exception? inner) =>
        new(
            $"Invalid JSON response to {action} (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}): {problem}",
            action,
            statusCode,
            responsePreview: ResponsePreview.Create(_body, apiKey),
            innerException: inner);

    /// <summary>Valid JSON, but not an answer this action can have.</summary>
    public PlugsmmException Unexpected(string problem) =>
        new(
            $"Unexpected answer to {action} (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}): {problem}",
            action,
            statusCode,
            responsePreview: ResponsePreview.Create(_body, apiKey));

    /// <summary>The text of an <c>error</c> value: a string as is, anything else as its JSON.</summary>
    public static string ErrorText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>An item's value-or-error: an object holding <c>error</c> is that item's error.</summary>
    public static bool TryGetItemError(JsonElement? value, out string error)
    {
        if (value is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty("error", out var text))
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
