using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The values of an answer that are read only once their shape is known, kept as <see cref="JsonElement"/>s: a
/// panel's <c>error</c>, and the <c>refill</c>, <c>cancel</c> or <c>status</c> of a multi action, which holds an
/// item's value or, in the same place, that item's own error (<c>{"order":2,"cancel":{"error":"Incorrect order ID"}}</c>).
/// Reading text may throw <see cref="InvalidOperationException"/> (invalid UTF-8, a lone surrogate escape): the client
/// takes that for an unreadable answer.
/// </summary>
internal static class AnswerValues
{
    /// <summary>
    /// Whether an <c>error</c> says something, and what: absent, <c>null</c>, <c>false</c>, <c>0</c> and blank strings
    /// do not; a string is its text, anything else its JSON (<c>{"code":7}</c>).
    /// </summary>
    public static bool TryGetErrorText(JsonElement? error, out string text)
    {
        text = string.Empty;
        var says = error is { } value && value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
            JsonValueKind.String => value.GetString()!.AsSpan().Trim().Length > 0,
            JsonValueKind.Number => !(value.TryGetInt64(out var number) && number == 0),
            _ => true,
        };
        if (says)
        {
            text = error!.Value.ValueKind == JsonValueKind.String ? error.Value.GetString()! : error.Value.GetRawText();
        }

        return says;
    }

    /// <summary>An item's value that is an object whose <c>error</c> says something: that item's own error.</summary>
    public static bool TryGetItemError(JsonElement? value, out string error)
    {
        error = string.Empty;
        return value is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty("error", out var text) && TryGetErrorText(text, out error);
    }

    /// <summary>A <c>message</c> that says something: a string, not blank.</summary>
    public static bool TryGetMessage(JsonElement? value, out string message)
    {
        message = value is { ValueKind: JsonValueKind.String } text ? text.GetString()! : string.Empty;
        return message.AsSpan().Trim().Length > 0;
    }

    /// <summary>The text of a string value; null for anything else.</summary>
    public static string? ReadString(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>A positive id: a number, or a string holding one between spaces.</summary>
    public static bool TryReadId(JsonElement? value, out long id)
    {
        id = 0;
        return value switch
        {
            { ValueKind: JsonValueKind.Number } number => number.TryGetInt64(out id) && id > 0,
            { ValueKind: JsonValueKind.String } text => long.TryParse(text.GetString(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out id) && id > 0,
            _ => false,
        };
    }

    /// <summary>
    /// A cancel result: <c>true</c>, a non-zero integer, <c>"1"</c>, <c>"true"</c>, <c>"ok"</c>, <c>"success"</c>, or
    /// <c>false</c>, <c>0</c>, <c>"0"</c>, <c>"false"</c> (strings between spaces); null for anything else.
    /// </summary>
    public static bool? ReadFlag(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Number } number => number.TryGetInt64(out var n) ? n != 0 : null,
        { ValueKind: JsonValueKind.String } text => text.GetString()!.Trim() switch
        {
            "1" or "true" or "ok" or "success" => true,
            "0" or "false" => false,
            _ => null,
        },
        _ => null,
    };
}
