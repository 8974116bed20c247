using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Parsing;

/// <summary>The cache of repeated string values: the same text as decoding, one instance per value, never past its bound.</summary>
public sealed class Utf8StringCacheTests
{
    [Theory]
    [InlineData("\"Default\"", "Default")]
    [InlineData("\"Twitter\\/X Followers\"", "Twitter/X Followers")]
    [InlineData("\"Instagram Likes \\ud83d\\udd25 Best Sellers\"", "Instagram Likes 🔥 Best Sellers")]
    [InlineData("\"T\\u00fcrkiye \\u2014 Real\"", "Türkiye — Real")]
    [InlineData("\"Türkiye — Real\"", "Türkiye — Real")]
    [InlineData("\"\"", "")]
    [InlineData("\"a\\\"b\\\\c\\n\"", "a\"b\\c\n")]
    public void A_value_is_decoded_as_the_reader_decodes_it_and_repeats_are_the_same_instance(string json, string expected)
    {
        var cache = new Utf8StringCache(16);

        var first = Read(cache, json);
        var second = Read(cache, json);

        Assert.Equal(expected, first);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Different_bytes_for_the_same_text_are_cached_apart_and_both_read_right()
    {
        var cache = new Utf8StringCache(16);

        var escaped = Read(cache, "\"a\\/b\"");
        var plain = Read(cache, "\"a/b\"");

        Assert.Equal(("a/b", "a/b"), (escaped, plain));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void The_cache_never_keeps_more_than_its_bound_and_still_reads_every_value()
    {
        var cache = new Utf8StringCache(4);

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal($"category {i}", Read(cache, $"\"category {i}\""));
            }
        }

        Assert.Equal(4, cache.Count);
        Assert.Equal(4, cache.MaxEntries);
    }

    [Fact]
    public void A_long_value_is_read_but_not_kept()
    {
        var cache = new Utf8StringCache(16);
        var text = new string('x', Utf8StringCache.MaxValueBytes + 1);

        var first = Read(cache, $"\"{text}\"");
        var second = Read(cache, $"\"{text}\"");

        Assert.Equal((text, text), (first, second));
        Assert.NotSame(first, second);
        Assert.Equal(0, cache.Count);
        Assert.Same(Read(cache, $"\"{text[1..]}\""), Read(cache, $"\"{text[1..]}\""));
    }

    [Fact]
    public void Text_that_cannot_be_decoded_still_throws_and_is_not_kept()
    {
        var cache = new Utf8StringCache(16);
        byte[] json = [(byte)'"', 0xFF, (byte)'"'];

        Assert.Throws<InvalidOperationException>(() => Read(cache, json));
        Assert.Throws<InvalidOperationException>(() => Read(cache, "\"\\ud800\""));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Many_values_with_the_same_start_and_end_are_all_read_right()
    {
        var cache = new Utf8StringCache(1024);
        var values = Enumerable.Range(0, 1000).Select(i => $"YouTube {i:D4} \\ud83d\\udd25 Best Sellers").ToList();

        foreach (var value in values.Concat(values))
        {
            Assert.Equal(JsonSerializer.Deserialize<string>($"\"{value}\""), Read(cache, $"\"{value}\""));
        }

        Assert.InRange(cache.Count, 1, 1000);
    }

    [Fact]
    public void A_frozen_cache_finds_its_words_and_learns_nothing()
    {
        var cache = Utf8StringCache.Frozen(["Completed", "USD"]);

        Assert.Equal("Completed", cache.Find("Completed"u8));
        Assert.Null(cache.Find("completed"u8));
        Assert.Equal("Pending", Read(cache, "\"Pending\""));
        Assert.Null(cache.Find("Pending"u8));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Known_words_are_shared_instances_and_other_text_is_decoded()
    {
        Assert.Same(Known("\"Completed\""), Known("\"Completed\""));
        Assert.Same(Known("\"USD\""), Known("\"USD\""));
        Assert.Equal("Compl\u00e9ted", Known("\"Compl\\u00e9ted\""));
        Assert.Equal("Completed", Known("\"Complet\\u0065d\""));
    }

    private static string Read(Utf8StringCache cache, string json) => Read(cache, Encoding.UTF8.GetBytes(json));

    private static string Read(Utf8StringCache cache, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return cache.GetString(ref reader);
    }

    private static string Known(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return KnownStrings.GetString(in reader);
    }
}
