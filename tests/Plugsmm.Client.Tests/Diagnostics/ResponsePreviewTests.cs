namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>The scrubber behind every preview, message and log line: the key goes, as written and as form-encoded.</summary>
public sealed class ResponsePreviewTests
{
    [Theory]
    [InlineData("b3f1c9a0d2e84f6a9c7e5d3b1a0f8e6c")]
    [InlineData("Key-with_dots.AND-Caps-0123456789")]
    [InlineData("k+y/with=odd chars~&%")]
    [InlineData("ключ-🔑")]
    public void The_key_is_removed_as_written_and_as_form_encoded(string key)
    {
        var encoded = PhpFormEncoder.Encode([new("k", key)])[2..];
        var text = $"echo: key={key}; body: action=add&key={encoded}&x=1";

        var scrubbed = ResponsePreview.Scrub(text, key);

        Assert.DoesNotContain(key, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, scrubbed, StringComparison.Ordinal);
        Assert.Equal("echo: key=***; body: action=add&key=***&x=1", scrubbed);
    }

    [Fact]
    public void Without_a_key_the_text_is_left_alone()
    {
        Assert.Equal("key=abc", ResponsePreview.Scrub("key=abc", null));
        Assert.Equal("key=abc", ResponsePreview.Scrub("key=abc", string.Empty));
    }
}
