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

    [Theory]
    // From php -r: base64_encode('{"u":7,"key":"' . $key . '","n":1}') with "u" 7, 77 and 777, so the key starts at each of
    // the three offsets in a 3-byte group; masked from the first char that is the key's alone to the last. At offset 0 the
    // next char ('M') holds the key's last 4 bits and the top 2 of '"', 00 as in the key's own unpadded base64: it goes too.
    [InlineData("k>?/+&=%é-4f2a9c", "eyJ1Ijo3LCJrZXkiOiJrPj8vKyY9JcOpLTRmMmE5YyIsIm4iOjF9", "eyJ1Ijo3LCJrZXkiOiJ***yIsIm4iOjF9")] // key at byte 14 (mod 3 = 2)
    [InlineData("k>?/+&=%é-4f2a9c", "eyJ1Ijo3Nywia2V5Ijoiaz4/LysmPSXDqS00ZjJhOWMiLCJuIjoxfQ==", "eyJ1Ijo3Nywia2V5Ijoi***iLCJuIjoxfQ==")] // key at byte 15 (mod 3 = 0)
    [InlineData("k>?/+&=%é-4f2a9c", "eyJ1Ijo3NzcsImtleSI6Ims+Py8rJj0lw6ktNGYyYTljIiwibiI6MX0=", "eyJ1Ijo3NzcsImtleSI6Im***IiwibiI6MX0=")] // key at byte 16 (mod 3 = 1)
    [InlineData("9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c", "eyJ1Ijo3LCJrZXkiOiI5YjFmMGM3ZTVhM2Q0ZTJmOGM2YjBhMWQzZTVmN2E5YyIsIm4iOjF9", "eyJ1Ijo3LCJrZXkiOiI***yIsIm4iOjF9")] // key at byte 14 (mod 3 = 2)
    [InlineData("9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c", "eyJ1Ijo3Nywia2V5IjoiOWIxZjBjN2U1YTNkNGUyZjhjNmIwYTFkM2U1ZjdhOWMiLCJuIjoxfQ==", "eyJ1Ijo3Nywia2V5Ijoi***iLCJuIjoxfQ==")] // key at byte 15 (mod 3 = 0)
    [InlineData("9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c", "eyJ1Ijo3NzcsImtleSI6IjliMWYwYzdlNWEzZDRlMmY4YzZiMGExZDNlNWY3YTljIiwibiI6MX0=", "eyJ1Ijo3NzcsImtleSI6Ij***IiwibiI6MX0=")] // key at byte 16 (mod 3 = 1)
    [InlineData("k>?/+&=%é-4f2a9c", "eyJ1Ijo3Nywia2V5Ijoiaz4\\/LysmPSXDqS00ZjJhOWMiLCJuIjoxfQ==", "eyJ1Ijo3Nywia2V5Ijoi***iLCJuIjoxfQ==")] // the same, json_encode'd
    public void The_key_in_base64_inside_a_longer_base64_blob_is_removed_at_any_offset(string key, string blob, string expected)
    {
        Assert.Equal($"debug={expected}", PanelText.Clean($"debug={blob}", new KeySpellings(key)));
    }

    [Fact]
    public void A_key_whose_spellings_overlap_is_found_in_text_of_near_misses()
    {
        // Each '\' of the key is '\' or JSON's "\\": a run of 39 can be split Fibonacci(39) ways, each tried at each start by a
        // backtracking engine with plain groups (this test hung). With atomic groups, linear in the text, it completes.
        var backslashes = new string('\\', 40);
        AssertFoundAmongNearMisses(backslashes, new string('\\', 80), new string('\\', 39) + "x");

        // "&amp;" eight times: its '&' is '&' or "&amp;", and htmlspecialchars' spelling holds the key's own shape. The near
        // miss is seven escaped and a broken eighth ("&amp;" itself would be the key's last five chars as written).
        var amps = string.Concat(Enumerable.Repeat("&amp;", 8));
        var html = string.Concat(Enumerable.Repeat("&amp;amp;", 8));
        AssertFoundAmongNearMisses(amps, html, html[..^9] + "&amx");
    }

    private static void AssertFoundAmongNearMisses(string key, string spelling, string nearMiss)
    {
        var spellings = new KeySpellings(key);
        var hostile = new StringBuilder(1 << 16);
        while (hostile.Length < 1 << 16)
        {
            hostile.Append(nearMiss);
        }

        var text = hostile.ToString();
        Assert.False(spellings.AreIn(text));
        Assert.True(spellings.AreIn(text + spelling));
        Assert.True(spellings.AreIn(text + key));

        var shown = text[..(512 - nearMiss.Length - 2 - spelling.Length)];
        Assert.Equal($"{nearMiss} *** {shown}…", PanelText.Clean($"{nearMiss} {spelling} {text}", spellings));
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
