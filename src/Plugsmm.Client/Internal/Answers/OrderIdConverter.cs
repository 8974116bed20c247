using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>Reads a <see cref="PanelOrderId"/>: a whole number as <see cref="FlexibleInt64Converter"/> reads it, else the text of a string or a number with a digit.</summary>
internal sealed class OrderIdConverter : PanelFieldConverter<PanelOrderId>
{
    protected override PanelOrderId ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Null && FlexibleInt64Converter.TryRead(ref reader, out var id))
        {
            return new(id, null);
        }

        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!.Trim(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan).Trim(),
            _ => null,
        };
        return new(null, text is not null && text.AsSpan().ContainsAnyInRange('0', '9') ? text : null);
    }
}
