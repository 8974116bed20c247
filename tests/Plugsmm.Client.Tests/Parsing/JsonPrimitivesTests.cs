using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Parsing;

/// <summary>The pieces the readers build on, against System.Text.Json and the BCL they stand in for.</summary>
public sealed class JsonPrimitivesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.90")]
    [InlineData("120.00")]
    [InlineData("00012.3400")]
    [InlineData("4.9995")]
    [InlineData("9999999999999999999")]
    [InlineData("999999999.9999999999")]
    [InlineData("0.0000000000000000001")]
    [InlineData("18446744073709551615")]
    public void Plain_money_reads_as_decimal_parse_reads_it_every_digit_and_the_scale(string text)
    {
        var expected = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        if (FlexibleNumbers.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out var value))
        {
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
        }
        else
        {
            Assert.True(text.Length > 20 || text.Count(char.IsAsciiDigit) > 19, $"{text} should have been read");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    [InlineData("12345678901234567890")]
    public void Anything_but_plain_money_is_left_to_decimal_parse(string text)
    {
        Assert.False(FlexibleNumbers.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Random_plain_money_reads_as_decimal_parse_reads_it()
    {
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var digits = new string([.. Enumerable.Range(0, 1 + random.Next(20)).Select(_ => (char)('0' + random.Next(10)))]);
            var text = digits.Length > 1 && random.Next(2) == 0 ? digits.Insert(1 + random.Next(digits.Length - 1), ".") : digits;
            if (FlexibleNumbers.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out var value))
            {
                Assert.Equal(decimal.GetBits(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), decimal.GetBits(value));
            }
        }
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("\\u0065rror")]
    [InlineData("a\\/b\\\\c\\\"d\\n\\r\\t\\b\\f")]
    [InlineData("\\ud83d\\udd25 \\u00e9\\u2014\\u0000")]
    [InlineData("T\\u00fcrkiye")]
    public void Escaped_names_are_decoded_as_the_reader_decodes_them(string escaped)
    {
        var json = Encoding.UTF8.GetBytes($"\"{escaped}\"");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var expected = new byte[json.Length];
        var length = reader.CopyString(expected);

        var decoded = new byte[json.Length];
        var written = PropertyNames.Unescape(reader.ValueSpan, decoded);

        Assert.Equal(expected[..length], decoded[..written]);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("\\ud800x")]
    [InlineData("\\ud800\\u0041")]
    [InlineData("\\udc00\\udc00")]
    [InlineData("\\ud800\\ud800")]
    public void A_surrogate_escape_out_of_its_pair_throws_as_the_reader_throws(string escaped)
    {
        var json = Encoding.UTF8.GetBytes($"\"{escaped}\"");

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            return reader.GetString();
        });
        Assert.Throws<InvalidOperationException>(() => PropertyNames.Unescape(json.AsSpan(1, json.Length - 2), new byte[json.Length]));
    }
}
