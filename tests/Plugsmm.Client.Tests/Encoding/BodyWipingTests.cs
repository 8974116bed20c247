using System.Net;
using System.Text;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// A body holds the API key: the array a call's body is encoded into is wiped when the call ends, so a handler that
/// still holds the request's content reads zeros; and an array the writer grows out of is wiped when it is left.
/// </summary>
public sealed class BodyWipingTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task The_body_of_a_call_is_wiped_when_the_call_ends()
    {
        var handler = new KeepingHandler();
        var client = new PlugsmmClient(new HttpClient(handler), new PlugsmmClientOptions { ApiKey = Key, BaseAddress = new Uri("https://panel.invalid/api/v2") });

        await client.GetBalanceAsync();

        Assert.Contains("key=" + Key, handler.BodyAtSend, StringComparison.Ordinal);
        Assert.True(handler.Buffer!.AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the body were left after the call");
    }

    [Fact]
    public void Growing_wipes_the_array_left_behind()
    {
        var writer = new FormWriter();
        var first = writer.Buffer;
        writer.WriteEscaped(Key + " 🔥");

        writer.WriteEscaped(new string('x', first.Length * 2));

        Assert.NotSame(first, writer.Buffer);
        Assert.True(first.AsSpan().IndexOfAnyExcept((byte)0) < 0, "bytes of the body were left in the array left behind");
        Assert.StartsWith(Key + "+%F0%9F%94%A5xx", Encoding.ASCII.GetString(writer.Written), StringComparison.Ordinal);
    }

    /// <summary>Answers a balance, keeping the array behind the request's content.</summary>
    private sealed class KeepingHandler : HttpMessageHandler
    {
        public byte[]? Buffer { get; private set; }

        public string BodyAtSend { get; private set; } = string.Empty;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var stream = (MemoryStream)await request.Content!.ReadAsStreamAsync(cancellationToken);
            Assert.True(stream.TryGetBuffer(out var segment));
            Buffer = segment.Array;
            BodyAtSend = Encoding.ASCII.GetString(segment);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"balance":"10.5","currency":"USD"}""", Encoding.UTF8, "application/json") };
        }
    }
}
