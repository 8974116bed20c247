using System.Buffers;
using System.Text;
using Plugsmm.Client;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>docs/encoding.md's example: the three ways to encode, and what each gives.</summary>
public sealed class EncodingExamples
{
    [Fact]
    public async Task The_encoder_three_ways()
    {
        var apiKey = "0123456789abcdef0123456789abcdef";
        var writer = new ArrayBufferWriter<byte>();

        // docs/encoding.md: encoder
        KeyValuePair<string, object?>[] fields =
        [
            new("key", apiKey), new("action", "add"), new("service", 1),
            new("link", "https://instagram.com/p/Cx~9?utm=a&b=c#top"), new("quantity", 100),
        ];

        string body = PhpFormEncoder.Encode(fields);            // one allocation: the string
        long written = PhpFormEncoder.Encode(fields, writer);   // into an IBufferWriter<byte>: no allocation
        using HttpContent content = PhpFormEncoder.CreateContent(fields); // what the SDK sends
        // end

        const string Expected = "key=0123456789abcdef0123456789abcdef&action=add&service=1&link=https%3A%2F%2Finstagram.com%2Fp%2FCx%7E9%3Futm%3Da%26b%3Dc%23top&quantity=100";
        Assert.Equal(Expected, body);
        Assert.Equal(Expected.Length, written);
        Assert.Equal(Expected, Encoding.ASCII.GetString(writer.WrittenSpan));
        Assert.Equal(Expected, await content.ReadAsStringAsync());
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
    }
}
