using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// An amount of money (a rate, a charge, a balance) as panels write it: a JSON number or a string holding one
/// (<c>"0.90"</c>, <c>" 100.84292 "</c>, <c>"1e3"</c>). Read straight into a <see cref="decimal"/>, never through a
/// <see cref="double"/>: every digit and the scale are kept (<c>"0.90"</c> reads as 0.90, not 0.9). Anything else
/// (<c>null</c>, <c>""</c>, a word) is no value: null.
/// </summary>
internal sealed class MoneyConverter : PanelFieldConverter<decimal?>
{
    protected override decimal? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDecimal(out var number):
                return number;
            case JsonTokenType.String:
                var parsed = IsPlain(reader)
                    ? decimal.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                    : decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out amount);
                return parsed ? amount : null;
            default:
                return null;
        }
    }
}
