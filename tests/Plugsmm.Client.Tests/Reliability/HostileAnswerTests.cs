using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>Answers no honest panel sends: a 1 GB body, a slow drip, JSON nested thousands deep, a redirect to another host.</summary>
public sealed class HostileAnswerTests
{
    private const string Key = "hostile-test-key-0123456789abcdef";
    private static readonly Uri Endpoint = new("https://panel.test/api/v2");

    private static PlugsmmClient Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer, TimeProvider? time = null, Action<PlugsmmClientOptions>? configure = null)
    {
        var options = new PlugsmmClientOptions { ApiKey = Key, BaseAddress = Endpoint, Resilience = { Retry = { UseJitter = false } } };
        configure?.Invoke(options);
        return new PlugsmmClient(new HttpClient(new AnswerHandler(answer)), options, timeProvider: time);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_one_gigabyte_body_is_read_only_up_to_the_cap_and_fails_classified_without_the_memory(bool announced)
    {
        const long OneGigabyte = 1L << 30;
        const long Cap = 1L << 20;
        var stream = new GeneratedStream(OneGigabyte);
        var client = Client(
            (_, _) =>
            {
                var content = new StreamContent(stream);
                content.Headers.ContentLength = announced ? OneGigabyte : null;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            },
            configure: o => o.MaxResponseBytes = Cap);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var total = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());

        var allocatedDelta = GC.GetTotalAllocatedBytes(precise: true) - total;
        Assert.Equal(("response_too_large", 1), (error.Reason, error.Attempts));
        Assert.InRange(stream.Served, 0, Cap + (64 * 1024));
        Assert.InRange(allocatedDelta, 0, 32L * 1024 * 1024);
        Assert.True(allocated >= 0);
        Figures.Write(
            announced ? "31-hostile-1gb-announced" : "30-hostile-1gb",
            new JsonObject { ["body_bytes"] = OneGigabyte, ["cap_bytes"] = Cap, ["bytes_read"] = stream.Served, ["allocated_bytes"] = allocatedDelta, ["content_length_sent"] = announced },
            $"| 1 GB body{(announced ? " with Content-Length" : ", no Content-Length (chunked)")} | `{error.Kind}/{error.Reason}` | read {stream.Served:N0} of {OneGigabyte:N0} bytes (cap {Cap:N0}); {allocatedDelta / 1024.0 / 1024.0:F1} MB allocated by the whole call |");
    }

    [Theory]
    [InlineData("add")]
    [InlineData("balance")]
    public async Task A_slow_drip_is_ended_by_the_attempt_timeout_on_fake_time(string action)
    {
        var time = new FakeClock();
        var drips = new List<DripStream>();
        var client = Client(
            (_, _) =>
            {
                var drip = new DripStream(time);
                lock (drips)
                {
                    drips.Add(drip);
                }

                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(drip) });
            },
            time,
            o =>
            {
                o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
                o.Resilience.Retry.UseJitter = false; // retry waits of 1, 2 and 4 s: the elapsed time below is exact, not up to chance
            });

        Task call = action == "add"
            ? client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/drip", Quantity = 100 })
            : client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(time, call, TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Equal((PlugsmmErrorKind.Transient, "timeout"), (error.Kind, error.Reason));
        // add is not retried (the order may be placed); balance is, up to the default 4 attempts.
        Assert.Equal(action == "add" ? (1, true) : (4, false), (error.Attempts, error.OutcomeUnknown));
        Assert.Equal(error.Attempts, drips.Count);
        Assert.All(drips, d => Assert.InRange(d.Served, 1, 12));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(10 * error.Attempts), TimeSpan.FromSeconds((10 * error.Attempts) + 10));
        Figures.Write($"32-hostile-drip-{action}", new JsonObject { ["attempts"] = error.Attempts, ["fake_seconds"] = elapsed.TotalSeconds },
            $"| slow drip (1 byte per fake second), `{action}` | `{error.Kind}/{error.Reason}` | ended by the 10 s attempt timeout; {error.Attempts} attempt(s), {elapsed.TotalSeconds:F0} s of fake time, no real waiting |");
    }

    public static TheoryData<string, string> NestedBodies() => new()
    {
        { "arrays", new string('[', 100_000) + new string(']', 100_000) },
        { "objects", string.Concat(Enumerable.Repeat("{\"a\":", 50_000)) + "1" + new string('}', 50_000) },
        { "unclosed", new string('[', 1_000_000) },
        { "error wrapped", "{\"error\":" + new string('[', 10_000) + new string(']', 10_000) + "}" },
        { "per-item", "{\"1\":" + string.Concat(Enumerable.Repeat("{\"status\":", 10_000)) + "1" + new string('}', 10_001) },
    };

    [Theory]
    [MemberData(nameof(NestedBodies))]
    public async Task Deeply_nested_json_is_a_classified_failure_for_every_action_never_a_stack_overflow(string shape, string body)
    {
        var client = Client((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }));
        foreach (var call in EveryAction(client))
        {
            var error = await Record.ExceptionAsync(call);
            var failure = Assert.IsType<PlugsmmException>(error);
            Assert.NotEqual("unexpected", failure.Reason);
        }

        if (shape == "arrays")
        {
            Figures.Write("33-hostile-nested", new JsonObject { ["shapes"] = NestedBodies().Count, ["actions"] = EveryAction(client).Length },
                $"| JSON nested 100,000 deep (5 shapes: arrays, objects, unclosed 1,000,000, inside `error`, inside an item) × {EveryAction(client).Length} actions | `PlugsmmException` (`invalid_json`/`unexpected_answer`) | no stack overflow, no other exception type |");
        }
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_host_is_never_followed_and_the_other_host_receives_nothing(int status)
    {
        using var other = new CountingServer(IPAddress.Parse("127.0.0.2"), _ => "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{\"order\":666}");
        var target = new Uri($"http://127.0.0.2:{other.Port}/api/v2");
        using var panel = new CountingServer(IPAddress.Loopback, _ => $"HTTP/1.1 {status} Moved\r\nLocation: {target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = Key;
            o.BaseAddress = new Uri($"http://127.0.0.1:{panel.Port}/api/v2");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPlugsmmClient>();

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/r", Quantity = 100 }));

        Assert.Equal((PlugsmmErrorKind.Permanent, "redirect", status, 1), (error.Kind, error.Reason, error.StatusCode, error.Attempts));
        Assert.Contains("127.0.0.2", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, panel.Connections);
        Assert.Contains(Key, panel.Received, StringComparison.Ordinal);
        Assert.Equal(0, other.Connections);
        if (status == 307)
        {
            Figures.Write("34-hostile-redirect", new JsonObject { ["statuses"] = "301,302,307,308", ["other_host_connections"] = 0 },
                "| redirect (301, 302, 307, 308) to another host (127.0.0.2), client from `AddPlugsmmClient` | `Permanent/redirect` | never followed; the other host accepted **0** connections, so the key never went there; the message names the target's scheme, host and port only |");
        }
    }

    private static Func<Task>[] EveryAction(PlugsmmClient client) =>
    [
        () => client.GetServicesAsync(),
        () => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/n", Quantity = 100 }),
        () => client.GetOrderStatusAsync(1),
        () => client.GetOrderStatusesAsync([1, 2]),
        () => client.RefillOrderAsync(1),
        () => client.RefillOrdersAsync([1, 2]),
        () => client.GetRefillStatusAsync(1),
        () => client.GetRefillStatusesAsync([1, 2]),
        () => client.CancelOrdersAsync([1, 2]),
        () => client.GetBalanceAsync(),
    ];

    private sealed class AnswerHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }

    /// <summary>A body of <c>length</c> bytes of JSON-ish text, made as it is read: nothing of it is ever held.</summary>
    internal sealed class GeneratedStream(long length) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - Served);
            buffer[..n].Fill((byte)'[');
            Served += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A body that never ends: one byte per second of the given clock.</summary>
    private sealed class DripStream(TimeProvider time) : Stream
    {
        public int Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            buffer.Span[0] = (byte)(Served == 0 ? '{' : ' ');
            Served++;
            return 1;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A tiny HTTP/1.1 server on a loopback address: counts connections, keeps what it received, sends a fixed answer.</summary>
    private sealed class CountingServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly StringBuilder _received = new();
        private int _connections;

        public CountingServer(IPAddress address, Func<string, string> answer)
        {
            _listener = new TcpListener(address, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(() => AcceptAsync(answer));
        }

        public int Port { get; }

        public int Connections => Volatile.Read(ref _connections);

        public string Received
        {
            get
            {
                lock (_received)
                {
                    return _received.ToString();
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync(Func<string, string> answer)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    var stream = socket.GetStream();
                    var buffer = new byte[64 * 1024];
                    var text = new StringBuilder();
                    while (true)
                    {
                        var n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0)
                        {
                            break;
                        }

                        text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                        var request = text.ToString();
                        var end = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                        if (end >= 0)
                        {
                            var lengthLine = request[..end].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                            var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                            if (request.Length >= end + 4 + length)
                            {
                                break;
                            }
                        }
                    }

                    lock (_received)
                    {
                        _received.Append(text);
                    }

                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer(text.ToString())), _stop.Token);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
            }
        }
    }
}
