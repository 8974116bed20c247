using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// A yes-or-no of the catalogue (<c>refill</c>, <c>cancel</c>, <c>dripfeed</c>) as panels write it: <c>true</c>,
/// a non-zero integer, <c>"1"</c>, <c>"true"</c>, <c>"yes"</c> (any case, between spaces), or their opposites
/// <c>false</c>, <c>0</c>, <c>"0"</c>, <c>""</c>, <c>"false"</c>, <c>"no"</c>. Anything else is not known: null.
/// </summary>
internal sealed class FlagConverter : PanelFieldConverter<bool?>
{
    protected override bool? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.TryGetInt64(out var number) ? number != 0 : null,
        JsonTokenType.String => FromText(reader.GetString()!.Trim()),
        _ => null,
    };

    private static bool? FromText(string text) =>
        text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) ? true
        : text is "0" or "" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) ? false
        : null;
}
