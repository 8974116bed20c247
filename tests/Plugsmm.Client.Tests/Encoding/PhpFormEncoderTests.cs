using System.Buffers;
using System.Collections;
using System.Collections.ObjectModel;
using System.Text;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// The rules of http_build_query, one by one. Every expected body here was printed by PHP 8.2's
/// http_build_query for the same PHP array; the differential tests cover the rest at random.
/// </summary>
public sealed class PhpFormEncoderTests
{
    [Theory]
    [InlineData("AZaz09-_.", "AZaz09-_.")]
    [InlineData("a b", "a+b")]
    [InlineData("~!*()'", "%7E%21%2A%28%29%27")]
    [InlineData("https://x.com/p?a=1&b=2#top", "https%3A%2F%2Fx.com%2Fp%3Fa%3D1%26b%3D2%23top")]
    [InlineData("100%+", "100%25%2B")]
    [InlineData("line1\nline2\r\n", "line1%0Aline2%0D%0A")]
    [InlineData("\0", "%00")]
    [InlineData("\u007F", "%7F")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("\uFEFF\u2028", "%EF%BB%BF%E2%80%A8")]
    [InlineData("", "")]
    public void Strings_keep_only_unreserved_bytes_bare(string value, string expected)
    {
        Assert.Equal("v=" + expected, Fields.Encode(("v", value)));
    }

    [Fact]
    public void Keys_are_escaped_like_values_and_fields_keep_their_order()
    {
        Assert.Equal("a+b=1&a.b=2&x%5By%5D=3&=4&%F0%9F%94%91=5", Fields.Encode(("a b", 1), ("a.b", 2), ("x[y]", 3), ("", 4), ("🔑", 5)));
    }

    [Fact]
    public void Null_is_skipped_and_booleans_are_one_and_zero()
    {
        Assert.Equal("t=1&f=0", Fields.Encode(("n", null), ("t", true), ("f", false), ("n2", null)));
        Assert.Equal(string.Empty, Fields.Encode(("n", null)));
        Assert.Equal(string.Empty, PhpFormEncoder.Encode([]));
    }

    [Fact]
    public void Integers_of_every_width_are_invariant_decimal()
    {
        Assert.Equal(
            "a=-128&b=255&c=-32768&d=65535&e=-2147483648&f=4294967295&g=-9223372036854775808&h=18446744073709551615&i=-170141183460469231731687303715884105728&j=-5&k=7",
            Fields.Encode(("a", sbyte.MinValue), ("b", byte.MaxValue), ("c", short.MinValue), ("d", ushort.MaxValue), ("e", int.MinValue),
                ("f", uint.MaxValue), ("g", long.MinValue), ("h", ulong.MaxValue), ("i", Int128.MinValue), ("j", (nint)(-5)), ("k", (nuint)7)));
    }

    [Fact]
    public void Decimals_are_invariant_and_keep_their_scale()
    {
        Assert.Equal("a=0.90&b=-1.50&c=100.84292&d=79228162514264337593543950335&e=0.0000001",
            Fields.Encode(("a", 0.90m), ("b", -1.50m), ("c", 100.84292m), ("d", decimal.MaxValue), ("e", 0.0000001m)));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(100.0, "100")]
    [InlineData(-0.0, "-0")]
    [InlineData(0.0, "0")]
    [InlineData(1e25, "1.0E%2B25")]
    [InlineData(1e-5, "1.0E-5")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e14, "1.0E%2B14")]
    [InlineData(1e13, "10000000000000")]
    [InlineData(2.5e-5, "2.5E-5")]
    [InlineData(123456789012345678.0, "1.2345678901235E%2B17")]
    [InlineData(99999999999999.5, "1.0E%2B14")]
    [InlineData(10000000000000.5, "10000000000000")]
    [InlineData(10000000000001.5, "10000000000002")]
    [InlineData(100000000000005.0, "1.0000000000000E%2B14")]
    [InlineData(100000000000004.0, "1.0E%2B14")]
    [InlineData(949673968809505.0, "9.4967396880950E%2B14")]
    [InlineData(9496739688095050.0, "9.496739688095E%2B15")]
    [InlineData(0.00012345678901234567, "0.00012345678901235")]
    [InlineData(5e-324, "4.9406564584125E-324")]
    [InlineData(double.MaxValue, "1.7976931348623E%2B308")]
    [InlineData(double.PositiveInfinity, "INF")]
    [InlineData(double.NegativeInfinity, "-INF")]
    [InlineData(double.NaN, "NAN")]
    public void Doubles_are_printed_as_php_prints_a_float_at_precision_14(double value, string expected)
    {
        Assert.Equal("v=" + expected, Fields.Encode(("v", value)));
    }

    [Fact]
    public void A_float_is_sent_as_the_double_of_its_shortest_text()
    {
        Assert.Equal("a=0.1&b=-0&c=INF&d=3.4028235E%2B38", Fields.Encode(("a", 0.1f), ("b", -0f), ("c", float.PositiveInfinity), ("d", float.MaxValue)));
    }

    [Fact]
    public void A_char_is_sent_as_a_one_char_string()
    {
        Assert.Equal("a=%7E&b=x", Fields.Encode(("a", '~'), ("b", 'x')));
    }

    [Fact]
    public void Sequences_and_dictionaries_nest_with_escaped_brackets()
    {
        var body = Fields.Encode(
            ("l", new object?[] { "a", new[] { "b", "c" }, Array.Empty<string>() }),
            ("m", Fields.Of(("k k", "v~"), ("x[y]", 1))));

        Assert.Equal("l%5B0%5D=a&l%5B1%5D%5B0%5D=b&l%5B1%5D%5B1%5D=c&m%5Bk+k%5D=v%7E&m%5Bx%5By%5D%5D=1", body);
    }

    [Fact]
    public void A_null_in_a_sequence_is_skipped_but_keeps_its_index()
    {
        Assert.Equal("l%5B0%5D=a&l%5B2%5D=b", Fields.Encode(("l", new List<string?> { "a", null, "b" })));
    }

    [Fact]
    public void Empty_collections_write_nothing()
    {
        Assert.Equal("a=1", Fields.Encode(("x", Array.Empty<int>()), ("a", 1), ("m", new Dictionary<string, object?>()), ("z", new[] { Array.Empty<int>() })));
    }

    [Fact]
    public void Every_kind_of_dictionary_nests_with_string_or_integer_keys()
    {
        var generic = new Dictionary<string, int> { ["a"] = 1 };
        var byInteger = new SortedDictionary<int, string> { [1] = "a", [-3] = "b" };
        var readOnly = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?> { ["q"] = true });
        var hashtable = new Hashtable { ["h"] = 2 };

        Assert.Equal("g%5Ba%5D=1", Fields.Encode(("g", generic)));
        Assert.Equal("i%5B-3%5D=b&i%5B1%5D=a", Fields.Encode(("i", byInteger)));
        Assert.Equal("r%5Bq%5D=1", Fields.Encode(("r", readOnly)));
        Assert.Equal("h%5Bh%5D=2", Fields.Encode(("h", hashtable)));
    }

    [Fact]
    public void Nesting_reaches_the_documented_depth()
    {
        object value = "x";
        for (var i = 0; i < PhpFormEncoder.MaxDepth; i++)
        {
            value = new[] { value };
        }

        var body = Fields.Encode(("d", value));

        Assert.Equal("d" + string.Concat(Enumerable.Repeat("%5B0%5D", PhpFormEncoder.MaxDepth)) + "=x", body);
    }

    [Fact]
    public void Fields_may_come_from_any_enumerable_with_the_same_bytes()
    {
        var array = Fields.Of(("key", "k"), ("action", "add"), ("quantity", 10));
        var expected = PhpFormEncoder.Encode(array);

        Assert.Equal(expected, PhpFormEncoder.Encode(array.ToList()));
        Assert.Equal(expected, PhpFormEncoder.Encode(array.Select(f => f)));
        Assert.Equal(expected, PhpFormEncoder.Encode(new ReadOnlyCollection<KeyValuePair<string, object?>>(array)));
    }

    [Fact]
    public void The_buffer_writer_overload_writes_the_same_utf8_bytes_and_returns_their_count()
    {
        var fields = Fields.Of(("link", "https://t.me/c/1?x=ü 😀"), ("quantity", 100), ("rate", 0.9), ("ok", true));
        var writer = new ArrayBufferWriter<byte>();

        var written = PhpFormEncoder.Encode(fields, writer);

        Assert.Equal(PhpFormEncoder.Encode(fields), System.Text.Encoding.ASCII.GetString(writer.WrittenSpan));
        Assert.Equal(writer.WrittenCount, written);
    }

    [Fact]
    public void The_buffer_writer_overload_appends_after_what_the_writer_already_holds()
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("prefix|"u8);

        PhpFormEncoder.Encode(Fields.Of(("a", "b c")), writer);

        Assert.Equal("prefix|a=b+c", System.Text.Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void A_writer_that_hands_out_tiny_spans_still_gets_every_byte()
    {
        var fields = Fields.Of(("comments", string.Concat(Enumerable.Repeat("Great post! 🔥\n", 500))), ("n", 12345678901234L), ("d", 1e25));
        var writer = new TinySpanWriter();

        PhpFormEncoder.Encode(fields, writer);

        Assert.Equal(PhpFormEncoder.Encode(fields), System.Text.Encoding.ASCII.GetString(writer.Written.ToArray()));
    }

    [Fact]
    public void Huge_values_are_escaped_whole_with_surrogate_pairs_across_chunk_boundaries()
    {
        // 4096 chars per chunk: put a pair astride every boundary, with other text around it.
        var text = new StringBuilder();
        while (text.Length < 100_000)
        {
            text.Append('a', 4095 - (text.Length % 4096)).Append("😀").Append("ü ~");
        }

        var value = text.ToString();
        var expected = "v=" + Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal).Replace("~", "%7E", StringComparison.Ordinal);

        Assert.Equal(expected, Fields.Encode(("v", value)));
    }

    [Fact]
    public void A_ten_megabyte_link_is_encoded_in_full()
    {
        var link = "https://x.com/" + new string('a', 10 * 1024 * 1024);

        var body = Fields.Encode(("link", link));

        Assert.Equal(10 * 1024 * 1024 + "link=https%3A%2F%2Fx.com%2F".Length, body.Length);
        Assert.EndsWith("aaaa", body, StringComparison.Ordinal);
    }

    /// <summary>An IBufferWriter that never hands out more than the size asked for.</summary>
    private sealed class TinySpanWriter : IBufferWriter<byte>
    {
        private byte[] _current = [];

        public List<byte> Written { get; } = [];

        public void Advance(int count) => Written.AddRange(_current.AsSpan(0, count).ToArray());

        public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 1)];

        public Span<byte> GetSpan(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 1)];
    }
}
