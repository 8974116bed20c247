using System.Net;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>Answers served from a handler: a body of given bytes, its <c>Content-Length</c> whatever the test says.</summary>
internal static class AnswerStreams
{
    /// <summary>A client whose every request is answered by <paramref name="answer"/>, one attempt per call.</summary>
    public static PlugsmmClient Client(Func<HttpResponseMessage> answer, Action<PlugsmmClientOptions>? configure = null)
    {
        var options = new PlugsmmClientOptions { ApiKey = "answer-streams-key-0123456789abcdef", BaseAddress = new Uri("https://panel.test/api/v2") };
        options.Resilience.Retry.MaxRetryAttempts = 0;
        configure?.Invoke(options);
#pragma warning disable CA2000 // The HttpClient lives as long as the client; both end with the test.
        return new PlugsmmClient(new HttpClient(new Handler(answer)), options);
#pragma warning restore CA2000
    }

    /// <summary>An answer of <paramref name="stream"/>, announcing <paramref name="contentLength"/> (none when null).</summary>
    public static HttpResponseMessage Answer(Stream stream, long? contentLength)
    {
        var content = new StreamContent(stream);
        content.Headers.ContentLength = contentLength;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class Handler(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer());
    }

    /// <summary>
    /// A body that cannot seek (so nothing computes its length), served from <paramref name="bytes"/>; the first read
    /// waits for <paramref name="firstRead"/> when given.
    /// </summary>
    internal sealed class BodyStream(byte[] bytes, Func<CancellationToken, Task>? firstRead = null) : Stream
    {
        private int _position;
        private bool _started;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_started)
            {
                _started = true;
                if (firstRead is not null)
                {
                    await firstRead(cancellationToken);
                }
            }

            var count = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
