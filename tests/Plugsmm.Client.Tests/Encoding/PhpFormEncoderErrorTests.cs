using System.Buffers;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>Bad input fails early with an ArgumentException that names the field, and nothing is sent.</summary>
public sealed class PhpFormEncoderErrorTests
{
    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => PhpFormEncoder.Encode(null!)).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => PhpFormEncoder.CreateContent(null!)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentNullException>(() => PhpFormEncoder.Encode([], null!)).ParamName);
    }

    // Built in code and not pre-enumerated: a lone surrogate survives neither an attribute's metadata nor
    // xunit's serialization of theory data.
    public static TheoryData<string, int> LoneSurrogates() => new()
    {
        { "ab" + '\uD83D', 2 },
        { '\uDE00' + "ab", 0 },
        { "a" + '\uD83D' + "xb", 1 },
        { string.Concat('\uDE00', '\uD83D'), 0 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)]
    public void A_lone_surrogate_in_a_value_is_refused_with_the_field_and_index(string value, int index)
    {
        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("ok", 1), ("link", value)));

        Assert.Equal("fields", error.ParamName);
        Assert.Contains("field 'link'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"lone UTF-16 surrogate at index {index}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_key_or_a_char_is_refused()
    {
        var inKey = Assert.Throws<ArgumentException>(() => Fields.Encode(("bad\uD800", 1)));
        var inChar = Assert.Throws<ArgumentException>(() => Fields.Encode(("c", '\uDC00')));

        Assert.Contains("The key of field 'bad", inKey.Message, StringComparison.Ordinal);
        Assert.Contains("The value of field 'c'", inChar.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_after_a_long_valid_prefix_is_still_found()
    {
        var value = new string('a', 9000) + "😀" + new string('b', 5000) + "\uD83D";

        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("comments", value)));

        Assert.Contains($"index {value.Length - 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_deep_inside_a_collection_is_named_by_its_path()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("m", Fields.Of(("list", new[] { "ok", "x\uD800" })))));

        Assert.Contains("field 'm[list][1]'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<object> UnsupportedValues() =>
    [
        DateTime.UnixEpoch, DayOfWeek.Friday, new object(), Guid.Empty, TimeSpan.Zero, (Half)1, new Uri("https://x.com"),
    ];

    [Theory]
    [MemberData(nameof(UnsupportedValues))]
    public void A_value_of_another_type_is_refused_with_the_field_and_type(object value)
    {
        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("quantity", 1), ("expiry", value)));

        Assert.Equal("fields", error.ParamName);
        Assert.Contains("Field 'expiry'", error.Message, StringComparison.Ordinal);
        Assert.Contains(value.GetType().ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_value_inside_a_sequence_is_named_by_its_path()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("orders", new object[] { 1, 2, DateTime.UnixEpoch })));

        Assert.Contains("Field 'orders[2]'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_key_is_refused_with_its_position()
    {
        var error = Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode([new("a", 1), new(null!, 2)]));

        Assert.Contains("field #1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_refused_rather_than_silently_losing_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("link", "a"), ("quantity", 1), ("link", "b")));

        Assert.Contains("Field 'link' is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_found_among_many_fields_and_inside_nested_maps()
    {
        var many = Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, object?>("k" + i, i)).Append(new("k77", 0)).ToArray();
        var nested = Fields.Of(("m", Fields.Of(("a", 1), ("a", 2))));

        Assert.Contains("Field 'k77' is given twice", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(many)).Message, StringComparison.Ordinal);
        Assert.Contains("Field 'm[a]' is given twice", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(nested)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(31, 0)]
    [InlineData(32, 31)]
    [InlineData(33, 5)]
    [InlineData(200, 150)]
    public void A_key_given_twice_is_found_in_arrays_lists_and_sequences_read_once(int fields, int repeated)
    {
        var pairs = Enumerable.Range(0, fields).Select(i => new KeyValuePair<string, object?>("k" + i, i)).ToList();
        pairs.Add(new("k" + repeated, 0));
        var expected = $"Field 'k{repeated}' is given twice";

        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs)).Message, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs.Select(p => p))).Message, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs.Take(pairs.Count - 1).Append(pairs[^1]))).Message, StringComparison.Ordinal);

        // Without the repeat, every shape encodes, to the same body.
        pairs.RemoveAt(pairs.Count - 1);
        var body = PhpFormEncoder.Encode(pairs.ToArray());
        Assert.Equal(body, PhpFormEncoder.Encode(pairs));
        Assert.Equal(body, PhpFormEncoder.Encode(pairs.Select(p => p)));
    }

    [Fact]
    public void Keys_alike_in_length_and_first_and_last_chars_are_told_apart()
    {
        // Same length, first and last chars: the same filter bit, so the keys are compared in full.
        var keys = new[] { "ab_1z", "ab_2z", "ac_1z", "a___z", "", "a", "aa", "a\uFFFFz" };
        var fields = keys.Select((k, i) => new KeyValuePair<string, object?>(k, i)).ToArray();

        Assert.Equal(8, PhpFormEncoder.Encode(fields).Split('&').Length);
        Assert.Equal(8, PhpFormEncoder.Encode(fields.Select(f => f)).Split('&').Length);
        foreach (var key in keys)
        {
            var twice = fields.Append(new(key, 0)).ToArray();
            Assert.Contains("is given twice", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(twice)).Message, StringComparison.Ordinal);
            Assert.Contains("is given twice", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(twice.Select(f => f))).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_null_key_is_refused_in_arrays_lists_and_sequences_read_once()
    {
        var pairs = new List<KeyValuePair<string, object?>> { new("a", 1), new(null!, 2) };

        Assert.Contains("The key of field #1 is null", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("The key of field #1 is null", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs)).Message, StringComparison.Ordinal);
        Assert.Contains("The key of field #1 is null", Assert.Throws<ArgumentException>(() => PhpFormEncoder.Encode(pairs.Select(p => p))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_at_different_levels_is_fine()
    {
        Assert.Equal("a=1&m%5Ba%5D=2", Fields.Encode(("a", 1), ("m", Fields.Of(("a", 2)))));
    }

    [Fact]
    public void A_collection_that_contains_itself_is_refused()
    {
        var list = new List<object?> { "a" };
        list.Add(list);

        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("l", list)));

        Assert.Contains("Field 'l[1]' contains itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        object value = "x";
        for (var i = 0; i <= PhpFormEncoder.MaxDepth; i++)
        {
            value = new[] { value };
        }

        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("d", value)));

        Assert.Contains($"deeper than {PhpFormEncoder.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dictionary_key_that_is_neither_string_nor_integer_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Fields.Encode(("m", new Dictionary<Guid, int> { [Guid.Empty] = 1 })));

        Assert.Contains("Field 'm' has a key of type System.Guid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_never_produces_content_to_send()
    {
        Assert.Throws<ArgumentException>(() => PhpFormEncoder.CreateContent(Fields.Of(("key", "secret"), ("link", "\uD800"))));
    }

    [Fact]
    public void After_a_failure_the_next_body_on_the_same_thread_carries_nothing_of_the_failed_one()
    {
        Assert.Throws<ArgumentException>(() => Fields.Encode(("key", "SECRET-KEY"), ("link", "\uD800")));

        Assert.Equal("a=1", Fields.Encode(("a", 1)));
        var writer = new ArrayBufferWriter<byte>();
        PhpFormEncoder.Encode(Fields.Of(("a", 1)), writer);
        Assert.Equal("a=1"u8.ToArray(), writer.WrittenSpan.ToArray());
    }
}
