using System.Net;
using Plugsmm.Client.Tests.Client;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// Every client scenario of the suite, run with a sentinel API key — including panels that echo the key back
/// in HTML, JSON and error messages — and every captured log line, exception string, span tag and metric tag
/// scanned for it, as written and as form-encoded: zero hits.
/// </summary>
public sealed class SecretHygieneTests
{
    /// <summary>A key whose form-encoded spelling differs from its raw one.</summary>
    private const string Sentinel = "SENTINEL-9f8e7d~6c5b+4a3/9=0123";

    private static readonly string EncodedSentinel = PhpFormEncoder.Encode([new("k", Sentinel)])[2..];

    public static TheoryData<string> Scenarios() =>
    [
        "services", "add", "status", "status many", "refill", "refill many", "refill_status", "refill_status many", "cancel", "balance",
        "insufficient funds", "invalid service", "panel echoes the key in its error", "html echoing the key", "json echoing the key",
        "truncated json echoing the key", "500 echoing the key", "429 then success", "retries then success", "timeout", "redirect",
        "transport failure", "breaker open", "too large", "legacy adapter",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_api_key_never_appears_in_logs_exceptions_spans_or_metrics(string scenario)
    {
        Assert.NotEqual(Sentinel, EncodedSentinel);
        using var t = new Telemetry(
            o =>
            {
                o.Resilience.Retry.MaxRetryAttempts = scenario is "429 then success" or "retries then success" ? 2 : 0;
                o.Resilience.CircuitBreaker.MinimumThroughput = 2;
                o.UseNewApi = scenario != "legacy adapter";
                o.MaxResponseBytes = scenario == "too large" ? 64 : o.MaxResponseBytes;
            },
            Sentinel);
        var panel = t.Panel;
        var echo = $"key={Sentinel} encoded={EncodedSentinel}";
        var exceptions = new List<Exception>();

        async Task Run(Func<PlugsmmClient, Task> call)
        {
            try
            {
                using (PlugsmmCorrelation.Begin(t.Id))
                {
                    var task = call(panel.Client);
                    await FakeTime.DriveAsync(panel.Time, task, TimeSpan.FromMilliseconds(500));
                    await task;
                }
            }
            catch (Exception exception) when (exception is PlugsmmException or ArgumentException)
            {
                exceptions.Add(exception);
            }
        }

        switch (scenario)
        {
            case "services":
                panel.Answer("""[{"service":1,"name":"a","type":"Default","category":"c","rate":"1","min":1,"max":2}]""");
                await Run(c => c.GetServicesAsync());
                break;
            case "add" or "legacy adapter":
                panel.Answer("""{"order":1}""");
                await Run(c => c.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1 }));
                break;
            case "status":
                panel.Answer("""{"status":"Completed"}""");
                await Run(c => c.GetOrderStatusAsync(1));
                break;
            case "status many":
                panel.Answer("""{"1":{"status":"Completed"},"2":{"error":"Incorrect order ID"}}""");
                await Run(c => c.GetOrderStatusesAsync([1, 2]));
                break;
            case "refill":
                panel.Answer("""{"refill":"5"}""");
                await Run(c => c.RefillOrderAsync(1));
                break;
            case "refill many":
                panel.Answer("""[{"order":1,"refill":5}]""");
                await Run(c => c.RefillOrdersAsync([1]));
                break;
            case "refill_status":
                panel.Answer("""{"status":"Pending"}""");
                await Run(c => c.GetRefillStatusAsync(1));
                break;
            case "refill_status many":
                panel.Answer("""[{"refill":1,"status":"Pending"}]""");
                await Run(c => c.GetRefillStatusesAsync([1]));
                break;
            case "cancel":
                panel.Answer("""[{"order":1,"cancel":1}]""");
                await Run(c => c.CancelOrdersAsync([1]));
                break;
            case "balance":
                panel.Answer("""{"balance":"1.5","currency":"USD"}""");
                await Run(c => c.GetBalanceAsync());
                break;
            case "insufficient funds":
                panel.Answer("""{"error":"Not enough funds on balance"}""");
                await Run(c => c.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));
                break;
            case "invalid service":
                panel.Answer("""{"error":"Incorrect service ID"}""");
                await Run(c => c.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));
                break;
            case "panel echoes the key in its error":
                panel.Answer($$"""{"error":"Invalid API key {{Sentinel}} ({{EncodedSentinel}})"}""");
                await Run(c => c.GetBalanceAsync());
                break;
            case "html echoing the key":
                panel.Answer($"<html>{echo}</html>", HttpStatusCode.BadGateway, "text/html");
                await Run(c => c.GetBalanceAsync());
                break;
            case "json echoing the key":
                panel.Answer($$"""{"debug":"{{echo}}"}""");
                await Run(c => c.GetBalanceAsync());
                break;
            case "truncated json echoing the key":
                panel.Answer($$"""{"debug":"{{echo}}", "balance":""");
                await Run(c => c.GetBalanceAsync());
                break;
            case "500 echoing the key":
                panel.Answer($$"""{"request":"{{echo}}"}""", HttpStatusCode.InternalServerError);
                await Run(c => c.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));
                break;
            case "429 then success":
                panel.Answer(echo, HttpStatusCode.TooManyRequests, "text/plain").Answer("""{"order":2}""");
                await Run(c => c.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));
                break;
            case "retries then success":
                panel.Answer($"<p>{echo}</p>", HttpStatusCode.ServiceUnavailable, "text/html").Answer("""{"balance":"1"}""");
                await Run(c => c.GetBalanceAsync());
                break;
            case "timeout":
                panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent(panel.Time) });
                await Run(c => c.GetBalanceAsync());
                break;
            case "redirect":
                panel.Answer(() =>
                {
                    var response = new HttpResponseMessage(HttpStatusCode.Found);
                    response.Headers.Location = new Uri($"https://evil.example/?{EncodedSentinel}");
                    return response;
                });
                await Run(c => c.GetBalanceAsync());
                break;
            case "transport failure":
                panel.Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (panel.test:443)"));
                await Run(c => c.GetBalanceAsync());
                break;
            case "breaker open":
                panel.Answer("{}", HttpStatusCode.BadGateway).Answer("{}", HttpStatusCode.BadGateway);
                for (var i = 0; i < 3; i++)
                {
                    await Run(c => c.GetBalanceAsync());
                }

                break;
            case "too large":
                panel.Answer($$"""{"balance":"1","pad":"{{echo}}{{new string('x', 200)}}"}""");
                await Run(c => c.GetBalanceAsync());
                break;
        }

        Assert.NotEmpty(t.Lines);
        var texts = t.Logger.Collector.GetSnapshot().Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(s => s.Value) ?? []) + " " + r.Exception)
            .Concat(exceptions.Select(e => e.ToString()))
            .Concat(exceptions.OfType<PlugsmmException>().Select(e => $"{e.UserMessage} {e.PanelError} {e.ResponsePreview}"))
            .Concat(t.AllTags())
            .ToList();
        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(Sentinel, text, StringComparison.Ordinal);
            Assert.DoesNotContain(EncodedSentinel, text, StringComparison.Ordinal);
        });
        Assert.NotEmpty(panel.Requests);
        // The key did travel, in the body only (legacy encoding spells it with "~" bare).
        Assert.StartsWith("key=SENTINEL-9f8e7d", panel.Requests[0].Body, StringComparison.Ordinal);
    }
}
