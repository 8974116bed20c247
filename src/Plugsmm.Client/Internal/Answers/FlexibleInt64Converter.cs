using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// A whole number as panels write it: a JSON number (<c>12</c>, or <c>23501.0</c> from a panel that writes ids as
/// floats) or a string holding one (<c>"12"</c>, <c>" 42 "</c>, <c>"-5"</c>). Anything else (<c>null</c>, <c>""</c>,
/// a word such as <c>"Unknown"</c>, a fraction, a number no <see cref="long"/> holds) is no value: null.
/// </summary>
internal sealed class FlexibleInt64Converter : PanelFieldConverter<long?>
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    protected override long? ReadValue(ref Utf8JsonReader reader) => TryRead(ref reader, out var value) ? value : null;

    /// <summary>Reads the token the reader is on as a whole number; false when it holds none.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out long value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out value):
                return true;
            case JsonTokenType.Number when reader.TryGetDecimal(out var whole) && whole == decimal.Truncate(whole) && whole is >= long.MinValue and <= long.MaxValue:
                value = (long)whole;
                return true;
            case JsonTokenType.String:
                // Plain digits are parsed from the bytes; other text is decoded first (text that cannot be decoded,
                // such as invalid UTF-8, makes the answer unreadable rather than the number absent).
                return (IsPlain(reader) && long.TryParse(reader.ValueSpan, Styles, CultureInfo.InvariantCulture, out value))
                    || long.TryParse(reader.GetString(), Styles, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }
}
