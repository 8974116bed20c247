using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// A text field (a name, a status word, a currency) as panels write it: a string, or a number or a boolean written
/// without quotes, taken as its JSON text (<c>2024.5</c> reads as <c>"2024.5"</c>). Anything else is no value: null.
/// </summary>
internal sealed class TextConverter : PanelFieldConverter<string?>
{
    protected override string? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };
}
