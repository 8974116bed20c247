using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// Reads the numbers real panels send: JSON numbers or strings holding one (<c>"0.90"</c>, <c>" 42 "</c>),
/// and, where a field is optional, <c>null</c>, <c>""</c> or a word such as <c>"Unknown"</c> as "no value".
/// </summary>
internal static class FlexibleNumbers
{
    /// <summary>Reads an integer, or null for null, an empty string or a word.</summary>
    public static long? ReadOptionalInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return TryReadInt64(ref reader, out var value) ? value : null;
    }

    /// <summary>Reads a decimal, or null for null, an empty string or a word.</summary>
    public static decimal? ReadOptionalDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return TryReadDecimal(ref reader, out var value) ? value : null;
    }

    /// <summary>Reads a flag: <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>"1"</c>/<c>"0"</c>, <c>"true"</c>/<c>"false"</c>, <c>"yes"</c>/<c>"no"</c>; null otherwise.</summary>
    public static bool? ReadOptionalFlag(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number != 0 : null;
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence && Trim(reader.ValueSpan) is var raw && raw.Length <= 1:
                return raw.Length == 0 ? false : raw[0] == (byte)'1' ? true : raw[0] == (byte)'0' ? false : null;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text is "0" or "" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads a string, or the raw text of a number, or null.</summary>
    public static string? ReadOptionalText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Raw(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    private static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out value))
                {
                    return true;
                }

                // 23501.0 from a panel that serialises ids as floats.
                if (reader.TryGetDecimal(out var whole) && whole == decimal.Truncate(whole) && whole is >= long.MinValue and <= long.MaxValue)
                {
                    value = (long)whole;
                    return true;
                }

                return false;
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(Trim(span), out value, out var consumed) && consumed == Trim(span).Length)
                {
                    return true;
                }

                return long.TryParse(reader.GetString(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    private static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out value);
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence:
                // Straight from the UTF-8 bytes: a catalogue holds thousands of "0.90"s, no string is needed for them.
                var raw = Trim(reader.ValueSpan);
                return TryParsePlainDecimal(raw, out value)
                    || decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case JsonTokenType.String:
                return decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>
    /// The common shape of money, <c>digits[.digits]</c> with at most 19 digits, read exactly as
    /// <see cref="decimal.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out decimal)"/> reads it
    /// (every digit kept: <c>"0.90"</c> has two decimals) without its general machinery. False for anything else.
    /// </summary>
    internal static bool TryParsePlainDecimal(ReadOnlySpan<byte> text, out decimal value)
    {
        value = 0;
        if (text.Length is 0 or > 20)
        {
            return false;
        }

        ulong mantissa = 0;
        var digits = 0;
        var point = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((uint)(c - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (uint)(c - '0');
                digits++;
            }
            else if (c == (byte)'.' && point < 0 && i > 0 && i < text.Length - 1)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        if (digits > 19)
        {
            return false;
        }

        var scale = point < 0 ? 0 : text.Length - point - 1;
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)scale);
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span) => span.Trim(" \t\r\n"u8);

    private static string Raw(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
}
