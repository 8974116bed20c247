using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// The clients <c>AddPlugsmmClient</c> registers send nothing of the panel's answer headers to a structured log sink:
/// IHttpClientFactory's logging handlers put raw header values in their state at Trace, so the SDK's clients run
/// without them. Proven with the real factory chain (only the primary handler is a stub) and a provider at Trace
/// that records every state value and scope.
/// </summary>
public sealed class HttpClientLoggingTests
{
    private const string Key = "9b1f0c7e5a3d4e2f8c6b0a1d3e5f7a9c";

    [Fact]
    public async Task A_panel_that_echoes_the_key_in_its_headers_and_Retry_After_gets_it_into_no_log_record()
    {
        var recorder = new RecordingLoggerProvider();
        var panel = new EchoingPanel();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(recorder));
        services.AddPlugsmmClient(o =>
            {
                o.ApiKey = Key;
                o.BaseAddress = new Uri(PanelStub.Endpoint);
                o.Resilience.Retry.MaxRetryAttempts = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => panel);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPlugsmmClient>();

        await client.GetBalanceAsync();
        var limited = await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());

        Assert.Equal(2, panel.Calls);
        Assert.Equal(PlugsmmErrorKind.RateLimited, limited.Kind);
        Assert.Contains(recorder.Texts, r => r.Category.StartsWith("Plugsmm.Client", StringComparison.Ordinal) && r.Text.Contains("Plugsmm API success", StringComparison.Ordinal));
        Assert.All(recorder.Texts, r => Assert.True(EchoedKeys.FoundIn(Key, r.Text) is null, $"{r.Category}: {r.Text}"));
    }

    /// <summary>A panel that echoes the key in a header and as <c>Retry-After</c>: first a balance, then a 429.</summary>
    private sealed class EchoingPanel : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            var response = new HttpResponseMessage(Calls == 1 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"balance":"1.5","currency":"USD"}""", Encoding.UTF8, "application/json"),
            };
            response.Headers.TryAddWithoutValidation("X-Debug-Key", $"key={Key}");
            response.Headers.TryAddWithoutValidation("Retry-After", Key);
            response.Content.Headers.TryAddWithoutValidation("X-Echo", Key);
            return Task.FromResult(response);
        }
    }
}
