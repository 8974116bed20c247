using System.Text;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>The HttpContent every request of the SDK is sent with.</summary>
public sealed class PhpFormContentTests
{
    private static readonly KeyValuePair<string, object?>[] Order = Fields.Of(
        ("key", "0123456789abcdef0123456789abcdef"), ("action", "add"), ("service", 1), ("link", "https://x.com/p?a=1&b=~"), ("quantity", 100));

    [Fact]
    public async Task Content_carries_the_encoded_body_with_the_form_media_type_and_its_length()
    {
        using var content = PhpFormEncoder.CreateContent(Order);

        var body = await content.ReadAsStringAsync();

        Assert.Equal(PhpFormEncoder.Encode(Order), body);
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.ToString());
        Assert.Equal(Encoding.ASCII.GetByteCount(body), content.Headers.ContentLength);
    }

    [Fact]
    public async Task Content_can_be_read_and_copied_more_than_once()
    {
        using var content = PhpFormEncoder.CreateContent(Order);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await content.CopyToAsync(first);
        await content.CopyToAsync(second);
        content.CopyTo(new MemoryStream(), null, CancellationToken.None);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(PhpFormEncoder.Encode(Order), Encoding.ASCII.GetString(await content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public void Content_never_shows_the_key_in_its_text()
    {
        using var content = PhpFormEncoder.CreateContent(Order);

        Assert.DoesNotContain("0123456789abcdef", content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_content_wipes_the_body_that_holds_the_key()
    {
        var content = PhpFormEncoder.CreateContent(Order);
        var stream = await content.ReadAsStreamAsync();
        Assert.True(((MemoryStream)stream).TryGetBuffer(out var segment));
        var buffer = segment.Array!;
        Assert.Contains((byte)'k', buffer);

        content.Dispose();

        Assert.All(buffer, b => Assert.Equal(0, b));
    }
}
