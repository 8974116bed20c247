using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Tests.Resilience;
using RichardSzalay.MockHttp;

namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// A MockHttp panel: answers queued per action, every request recorded (method, content type, body), and a
/// <see cref="PlugsmmClient"/> wired to it.
/// </summary>
internal sealed class PanelStub : IDisposable
{
    public const string ApiKey = "0123456789abcdef0123456789abcdef";
    public const string Endpoint = "https://panel.test/api/v2";

    private readonly MockHttpMessageHandler _handler = new();
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();
    private readonly Queue<Exception?> _faults = new();
    private readonly HttpClient _http;

    public PanelStub(
        Action<PlugsmmClientOptions>? configure = null,
        Microsoft.Extensions.Logging.ILogger<PlugsmmClient>? logger = null,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null,
        string apiKey = ApiKey)
    {
        _handler.When(HttpMethod.Post, Endpoint).Respond(() => Task.FromResult(_answers.Count > 0 ? _answers.Dequeue()() : Json("""{"error":"no answer queued"}""")));
        _handler.Fallback.Respond(request => throw new InvalidOperationException($"Unexpected {request.Method} {request.RequestUri}"));
        // MockHttp cannot fail a request with an exception from a queued answer: a handler in front of it does.
        _http = new HttpClient(new FaultHandler(_faults, Requests) { InnerHandler = _handler });
        Options = new PlugsmmClientOptions { ApiKey = apiKey, BaseAddress = new Uri(Endpoint) };
        // One attempt unless a test asks for retries: these tests read single answers on fake time.
        Options.Resilience.Retry.MaxRetryAttempts = 0;
        configure?.Invoke(Options);
        Client = new PlugsmmClient(_http, Options, logger, Time, meterFactory);
    }

    public FakeClock Time { get; } = new();


    public PlugsmmClientOptions Options { get; }

    public PlugsmmClient Client { get; }

    public List<Recorded> Requests { get; } = [];

    public PanelStub Answer(string json, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        return Answer(() => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) });
    }

    public PanelStub Answer(Func<HttpResponseMessage> answer)
    {
        _faults.Enqueue(null);
        _answers.Enqueue(answer);
        return this;
    }

    /// <summary>The next request fails with <paramref name="exception"/> before any answer, as a transport failure does.</summary>
    public PanelStub Fail(Exception exception)
    {
        _faults.Enqueue(exception);
        return this;
    }

    public static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>The body the SDK sent for <paramref name="fields"/>, to compare with what was recorded.</summary>
    public static string Body(params (string Key, object? Value)[] fields) =>
        PhpFormEncoder.Encode([new("key", ApiKey), .. fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value))]);

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    /// <summary>Records every request that reaches the panel, then fails it if a fault is queued, else lets MockHttp answer.</summary>
    private sealed class FaultHandler(Queue<Exception?> faults, List<Recorded> requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (requests)
            {
                requests.Add(new Recorded(request.Method, request.Content?.Headers.ContentType?.MediaType, body, request.Headers.UserAgent.ToString()));
            }

            return faults.TryDequeue(out var fault) && fault is not null
                ? throw fault
                : await base.SendAsync(request, cancellationToken);
        }
    }

    internal sealed record Recorded(HttpMethod Method, string? MediaType, string Body, string UserAgent);
}
