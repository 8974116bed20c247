using System.Text;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// The one helper behind every preview, message, item error and log line that holds panel text: the key goes in
/// every spelling, control characters and line separators become spaces, and the text stops at 512 chars and '…'.
/// </summary>
public sealed class PanelTextTests
{
    public static TheoryData<string, string> Cases() => EchoedKeys.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_key_is_removed_in_every_spelling(string key, string spellingName)
    {
        var spelling = EchoedKeys.Of(key).Single(s => s.Name == spellingName).Text;
        var text = $"echo: key={spelling}; again:{spelling}";

        var clean = PanelText.Clean(text, new KeySpellings(key));

        Assert.Equal("echo: key=***; again:***", clean);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_key_is_removed_from_the_raw_bytes_of_an_answer(string key, string spellingName)
    {
        var spelling = EchoedKeys.Of(key).Single(s => s.Name == spellingName).Text;
        var body = Encoding.UTF8.GetBytes($$"""{"debug":"{{spelling}}"}""");

        Assert.Equal("""{"debug":"***"}""", PanelText.Preview(body, new KeySpellings(key)));
    }

    [Theory]
    [InlineData("b3f1c9a0d2e84f6a9c7e5d3b1a0f8e6c")]
    [InlineData("k+y/with=odd chars~&%")]
    [InlineData("ключ-🔑")]
    public void Escapes_match_in_either_case_and_PHP_form_encoding_too(string key)
    {
        var spellings = new KeySpellings(key);
        var form = PhpFormEncoder.Encode([new("k", key)])[2..];
        var json = string.Concat(key.Select(c => $"\\u{(int)c:x4}"));

        Assert.Equal("a=*** b=*** c=*** d=***", PanelText.Clean($"a={form} b={form.ToLowerInvariant()} c={json} d={json.ToUpperInvariant().Replace("\\U", "\\u", StringComparison.Ordinal)}", spellings));
    }

    [Fact]
    public void Control_characters_and_line_separators_become_spaces()
    {
        Assert.Equal("a  b c d e f g", PanelText.Clean("a\r\nb\tc\u0085d\u2028e\u2029f\u001bg", KeySpellings.None));
    }

    [Fact]
    public void Text_stops_at_512_chars_and_an_ellipsis()
    {
        var text = new string('a', 8 * 1024 * 1024);

        var clean = PanelText.Clean(text, new KeySpellings("0123456789abcdef0123456789abcdef"));

        Assert.Equal(new string('a', 512) + "…", clean);
        Assert.Equal(new string('a', 512), PanelText.Clean(new string('a', 512), KeySpellings.None));
        Assert.Equal(new string('a', 511) + "…", PanelText.Clean(new string('a', 511) + "\uD83D\uDD11", KeySpellings.None));
    }

    [Fact]
    public void A_key_that_starts_before_the_cut_is_masked_whole_and_none_after_it_shows()
    {
        const string Key = "0123456789abcdef0123456789abcdef";
        var spellings = new KeySpellings(Key);

        // Masks shorten the text, but only the text's own first 512 chars are shown: a key cut at the end never is.
        var text = string.Concat(Enumerable.Repeat(Key, 40));
        Assert.Equal(string.Concat(Enumerable.Repeat("***", 16)) + "…", PanelText.Clean(text, spellings));

        var edge = new string('x', 500) + Key + "tail";
        Assert.Equal(new string('x', 500) + "***…", PanelText.Clean(edge, spellings));
        Assert.Equal(new string('x', 500) + "***…", PanelText.Preview(Encoding.UTF8.GetBytes(edge + new string('y', 5000)), spellings));
    }

    [Fact]
    public void Text_without_a_key_break_or_excess_is_returned_as_it_is()
    {
        const string Text = "Not enough funds on balance";

        Assert.Same(Text, PanelText.Clean(Text, new KeySpellings("0123456789abcdef0123456789abcdef")));
        Assert.Equal("key=abc", PanelText.Clean("key=abc", new KeySpellings(null)));
        Assert.Equal("key=abc", PanelText.Clean("key=abc", new KeySpellings(string.Empty)));
    }
}
