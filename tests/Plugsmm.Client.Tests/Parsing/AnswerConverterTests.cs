using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Parsing;

/// <summary>
/// The converters for what panels write in more than one way, through the source-generated context the client reads
/// answers with: numbers as numbers or strings, money with every digit, flags in their many spellings, text from
/// numbers, and an object or an array where a value should be.
/// </summary>
public sealed class AnswerConverterTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.90")]
    [InlineData("120.00")]
    [InlineData("00012.3400")]
    [InlineData("4.9995")]
    [InlineData("100.8429200")]
    [InlineData("9999999999999999999")]
    [InlineData("999999999.9999999999")]
    [InlineData("0.0000000000000000001")]
    [InlineData("18446744073709551615")]
    [InlineData("-0.0")]
    [InlineData(" 12 ")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e3")]
    public void Money_in_a_string_keeps_every_digit_and_the_scale(string text)
    {
        var rate = Service($$"""{"rate":"{{text}}"}""").Rate;

        Assert.Equal(decimal.GetBits(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), decimal.GetBits(rate!.Value));
    }

    [Theory]
    [InlineData("0.90")]
    [InlineData("100.8429200")]
    [InlineData("999999999.9999999999")]
    [InlineData("0.0000000000000000001")]
    [InlineData("8")]
    public void Money_as_a_json_number_keeps_every_digit_and_the_scale_never_going_through_double(string text)
    {
        var rate = Service($$"""{"rate":{{text}}}""").Rate;

        Assert.Equal(decimal.GetBits(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), decimal.GetBits(rate!.Value));
    }

    [Fact]
    public void Random_money_reads_as_decimal_parse_reads_it()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var digits = new string([.. Enumerable.Range(0, 1 + random.Next(20)).Select(_ => (char)('0' + random.Next(10)))]);
            var text = digits.Length > 1 && random.Next(2) == 0 ? digits.Insert(1 + random.Next(digits.Length - 1), ".") : digits;
            var expected = decimal.GetBits(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

            Assert.Equal(expected, decimal.GetBits(Service($$"""{"rate":"{{text}}"}""").Rate!.Value));
        }
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"Unknown\"")]
    [InlineData("\"1,5\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{\"amount\":1}")]
    [InlineData("[1]")]
    public void Money_that_is_no_number_is_no_value(string json)
    {
        Assert.Null(Service($$"""{"rate":{{json}}}""").Rate);
    }

    [Theory]
    [InlineData("12", 12L)]
    [InlineData("\"12\"", 12L)]
    [InlineData("\" 42 \"", 42L)]
    [InlineData("\"-5\"", -5L)]
    [InlineData("\"+7\"", 7L)]
    [InlineData("23501.0", 23501L)]
    [InlineData("1e3", 1000L)]
    [InlineData("\"\\u0031\\u0032\"", 12L)]
    public void A_whole_number_reads_from_a_number_or_a_string(string json, long expected)
    {
        Assert.Equal(expected, Service($$"""{"min":{{json}}}""").Min);
    }

    [Theory]
    [InlineData("\"12.50\"")]
    [InlineData("12.5")]
    [InlineData("\"Unknown\"")]
    [InlineData("\"\"")]
    [InlineData("\"1e3\"")]
    [InlineData("99999999999999999999")]
    [InlineData("\"99999999999999999999\"")]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("{\"n\":1}")]
    public void What_is_no_whole_number_is_no_value(string json)
    {
        Assert.Null(Service($$"""{"min":{{json}}}""").Min);
    }

    [Fact]
    public void Text_that_cannot_be_decoded_where_a_number_should_be_makes_the_answer_unreadable()
    {
        byte[] json = [.. "{\"min\":\"12"u8, 0xFF, .. "\"}"u8];

        var error = Record.Exception(() => JsonSerializer.Deserialize(json, AnswerJsonContext.Default.ServiceDto));

        // Either is an unreadable answer to the client (PanelAnswer.Read, PlugsmmClient.Read).
        Assert.True(error is JsonException or InvalidOperationException, $"got {error?.GetType().Name ?? "no exception"}");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("\"1\"")]
    [InlineData("\" 1 \"")]
    [InlineData("\"true\"")]
    [InlineData("\"TRUE\"")]
    [InlineData("\"yes\"")]
    [InlineData("\"Yes\"")]
    public void A_flag_reads_as_true_in_every_spelling_panels_use(string json)
    {
        Assert.True(Service($$"""{"refill":{{json}}}""").Refill);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("\"0\"")]
    [InlineData("\"\"")]
    [InlineData("\"false\"")]
    [InlineData("\"False\"")]
    [InlineData("\"no\"")]
    public void A_flag_reads_as_false_in_every_spelling_panels_use(string json)
    {
        Assert.False(Service($$"""{"cancel":{{json}}}""").Cancel);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"maybe\"")]
    [InlineData("\"2\"")]
    [InlineData("1.5")]
    [InlineData("[true]")]
    public void A_flag_in_no_known_spelling_is_unknown(string json)
    {
        Assert.Null(Service($$"""{"dripfeed":{{json}}}""").DripFeed);
    }

    [Fact]
    public void Text_is_read_from_strings_numbers_and_booleans_and_escapes_are_decoded()
    {
        var service = Service("""{"name":"C\/x \ud83d\udd25","type":2024.5,"category":true}""");

        Assert.Equal(("C/x 🔥", "2024.5", "true"), (service.Name, service.Type, service.Category));
        Assert.Null(Service("""{"name":{"en":"x"}}""").Name);
    }

    [Fact]
    public void An_object_or_an_array_where_a_value_should_be_is_skipped_and_the_fields_after_it_are_read()
    {
        var service = Service("""{"service":{"id":1},"rate":[1,[2]],"min":"5","name":{"a":{"b":[]}},"max":9,"refill":{}}""");

        Assert.Equal((null, null, 5L, null, 9L, null), (service.Service, service.Rate, service.Min, service.Name, service.Max, service.Refill));
    }

    [Fact]
    public void The_last_of_a_field_named_twice_counts()
    {
        var service = Service("""{"rate":"1","rate":null,"min":"1","min":"2"}""");

        Assert.Equal((null, 2L), (service.Rate, service.Min));
    }

    [Theory]
    [InlineData("""{"order":23501}""", 23501L, null)]
    [InlineData("""{"order":" 23501 "}""", 23501L, null)]
    [InlineData("""{"order":"ref_01HG9X"}""", null, "ref_01HG9X")]
    [InlineData("""{"order":23501.5}""", null, "23501.5")]
    [InlineData("""{"order":"99999999999999999999"}""", null, "99999999999999999999")]
    [InlineData("""{"order":"success"}""", null, null)]
    [InlineData("""{"order":null}""", null, null)]
    [InlineData("""{}""", null, null)]
    public void An_add_answers_order_is_an_id_or_the_text_of_one_no_long_holds(string json, long? id, string? text)
    {
        var order = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), AnswerJsonContext.Default.AddAnswerDto)!.Order;

        Assert.Equal(new PanelOrderId(id, text), order);
    }

    private static ServiceDto Service(string json) => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), AnswerJsonContext.Default.ServiceDto)!;
}
