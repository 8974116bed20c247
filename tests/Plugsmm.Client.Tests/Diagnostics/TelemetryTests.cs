using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RichardSzalay.MockHttp;
using Plugsmm.Client.Tests.Client;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>The runbook's log phrases, the metrics and the spans, for success, each error kind, retries and the breaker.</summary>
public sealed partial class TelemetryTests
{
    private static readonly DefaultOrder Order = new() { ServiceId = 1, Link = "https://instagram.com/p/Cx~9", Quantity = 100 };

    [Fact]
    public async Task A_success_logs_request_and_success_counts_it_and_traces_one_span()
    {
        using var t = new Telemetry();
        t.Panel.Answer("""{"order":23501}""");

        using (PlugsmmCorrelation.Begin(t.Id))
        {
            await t.Panel.Client.AddOrderAsync(Order);
        }

        Assert.Equal(
            [$"Plugsmm API request action=add panel=default correlation_id={t.Id}"],
            t.Lines.Where(l => l.StartsWith("Plugsmm API request", StringComparison.Ordinal)));
        Assert.Matches($"^Plugsmm API success action=add latency_ms=\\d+ attempts=1 correlation_id={t.Id}$", Assert.Single(t.Lines, l => l.Contains("success", StringComparison.Ordinal)));
        Assert.All(t.CallLines, line => Assert.Contains(t.Id, line, StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(t.Requests.GetMeasurementSnapshot()).Value);
        Assert.Equal("add", Assert.Single(t.Successes.GetMeasurementSnapshot()).Tags["plugsmm.action"]);
        Assert.Equal("success", Assert.Single(t.Duration.GetMeasurementSnapshot()).Tags["plugsmm.outcome"]);
        Assert.Empty(t.Failures.GetMeasurementSnapshot());
        var span = Assert.Single(t.SpansOf(t.Id));
        Assert.Equal(("plugsmm add", System.Diagnostics.ActivityKind.Client, "add", "success", 1), (span.DisplayName, span.Kind, span.GetTagItem("plugsmm.action"), span.GetTagItem("plugsmm.outcome"), span.GetTagItem("plugsmm.attempts")));
    }

    public static TheoryData<string, PlugsmmErrorKind, string> Failures() => new()
    {
        { """{"error":"Not enough funds on balance"}""", PlugsmmErrorKind.InsufficientFunds, "INSUFFICIENT_FUNDS" },
        { """{"error":"Incorrect service ID"}""", PlugsmmErrorKind.Permanent, "PERMANENT" },
        { """{"error":"Too many requests"}""", PlugsmmErrorKind.RateLimited, "RATE_LIMITED" },
        { """{"error":"Something new"}""", PlugsmmErrorKind.Unknown, "UNKNOWN" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_error_kind_logs_one_error_line_with_its_type_and_counts_a_failure(string answer, PlugsmmErrorKind kind, string errorType)
    {
        using var t = new Telemetry(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        t.Panel.Answer(answer);

        PlugsmmException error;
        using (PlugsmmCorrelation.Begin(t.Id))
        {
            error = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.AddOrderAsync(Order));
        }

        Assert.Equal((kind, t.Id), (error.Kind, error.CorrelationId));
        var line = Assert.Single(t.Lines, l => l.StartsWith("Plugsmm API error", StringComparison.Ordinal));
        Assert.Contains($"error_type={kind} action=add HTTP 200 status_code=200", line, StringComparison.Ordinal);
        Assert.Contains($"correlation_id={t.Id}", line, StringComparison.Ordinal);
        Assert.Equal(kind == PlugsmmErrorKind.Unknown, t.Lines.Any(l => l.Contains("Unknown error", StringComparison.Ordinal)));
        var failure = Assert.Single(t.Failures.GetMeasurementSnapshot());
        Assert.Equal(errorType, failure.Tags["error.type"]);
        Assert.Empty(t.Successes.GetMeasurementSnapshot());
        var span = Assert.Single(t.SpansOf(t.Id));
        Assert.Equal((errorType, System.Diagnostics.ActivityStatusCode.Error), (span.GetTagItem("error.type"), span.Status));
    }

    [Theory]
    [InlineData(500, "http_500")]
    [InlineData(502, "http_502")]
    [InlineData(503, "http_503")]
    [InlineData(504, "http_504")]
    [InlineData(520, "cloudflare_520")]
    [InlineData(522, "cloudflare_522")]
    [InlineData(525, "cloudflare_525")]
    [InlineData(530, "cloudflare_530")]
    public async Task An_outage_page_is_reported_as_the_http_failure_with_the_runbooks_grep_phrases(int status, string reason)
    {
        using var t = new Telemetry(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        var page = $"<html>{status} the origin is down</html>";
        t.Panel.Answer(page, (HttpStatusCode)status, "text/html");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync());

        Assert.Equal((PlugsmmErrorKind.Transient, reason, status), (error.Kind, error.Reason, error.StatusCode));
        var line = Assert.Single(t.Lines, l => ErrorGrep().IsMatch(l));
        Assert.Contains($"HTTP {status} status_code={status} reason={reason} ", line, StringComparison.Ordinal);
        Assert.Equal(status == 500 ? 1 : 0, t.Lines.Count(l => HttpFiveHundred().IsMatch(l)));
        var invalid = Assert.Single(t.Lines, l => l.Contains("Invalid JSON response", StringComparison.Ordinal));   // the body is detail: one line
        Assert.Contains($"status_code={status} ", invalid, StringComparison.Ordinal);
        Assert.Contains($"response_preview={page}", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_is_logged_as_request_timeout_after_its_seconds()
    {
        using var t = new Telemetry(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        var started = new TaskCompletionSource();
        t.Panel.Answer(() =>
        {
            started.SetResult();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent() };
        });

        var call = t.Panel.Client.GetBalanceAsync();
        await started.Task;
        t.Panel.Time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(t.Lines, l => l.StartsWith("Request timeout after 30s action=balance", StringComparison.Ordinal));
        Assert.Single(t.Lines, l => TimeoutGrep().IsMatch(l));
    }

    [Fact]
    public async Task Retries_are_logged_with_their_number_and_delay_counted_and_not_taken_for_errors()
    {
        using var t = new Telemetry(o => o.Resilience.Retry.MaxRetryAttempts = 3);
        t.Panel.Answer("{}", HttpStatusCode.BadGateway).Answer("{}", HttpStatusCode.ServiceUnavailable).Answer("""{"balance":"1"}""");

        Task call;
        using (PlugsmmCorrelation.Begin(t.Id))
        {
            call = t.Panel.Client.GetBalanceAsync();
        }

        await FakeTime.DriveAsync(t.Panel.Time, call, TimeSpan.FromMilliseconds(100));
        await call;

        Assert.Equal(
            [$"Plugsmm retry attempt=2 action=balance delay_ms=1000 after=Transient reason=http_502 correlation_id={t.Id}",
             $"Plugsmm retry attempt=3 action=balance delay_ms=2000 after=Transient reason=http_503 correlation_id={t.Id}"],
            t.Lines.Where(l => l.StartsWith("Plugsmm retry", StringComparison.Ordinal)));
        Assert.Equal(2, t.Retries.GetMeasurementSnapshot().Count);
        Assert.All(t.Retries.GetMeasurementSnapshot(), m => Assert.Equal("TRANSIENT", m.Tags["error.type"]));
        Assert.DoesNotContain(t.Lines, l => ErrorGrep().IsMatch(l));
        Assert.Equal(3, Assert.Single(t.SpansOf(t.Id)).GetTagItem("plugsmm.attempts"));
    }

    [Fact]
    public async Task Breaker_transitions_are_logged_and_the_state_gauge_follows()
    {
        using var t = new Telemetry(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        });
        t.Panel.Answer("{}", HttpStatusCode.BadGateway).Answer("{}", HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync());
        await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync());
        t.Breaker.RecordObservableInstruments();
        Assert.Equal(1, t.Breaker.LastMeasurement!.Value);
        await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetBalanceAsync());
        t.Panel.Time.Advance(TimeSpan.FromSeconds(60));
        t.Panel.Answer("""{"balance":"1"}""");
        await t.Panel.Client.GetBalanceAsync();
        t.Breaker.RecordObservableInstruments();

        Assert.Equal(0, t.Breaker.LastMeasurement!.Value);
        Assert.Equal("default", t.Breaker.LastMeasurement.Tags["plugsmm.panel"]);
        Assert.Single(t.Lines, l => l == "Circuit breaker state=Open panel=default break_seconds=60");
        Assert.Single(t.Lines, l => l.StartsWith("Circuit breaker open - skipping provider API call action=balance", StringComparison.Ordinal));
        Assert.Single(t.Lines, l => l.Contains("Circuit breaker open", StringComparison.Ordinal));   // one line per skipped call
        Assert.Single(t.Lines, l => l.StartsWith("Circuit breaker state=HalfOpen panel=default", StringComparison.Ordinal));
        Assert.Single(t.Lines, l => l == "Circuit breaker state=Closed panel=default");
    }

    [Fact]
    public async Task The_runbooks_error_rate_and_error_distribution_commands_work_on_the_log()
    {
        using var t = new Telemetry(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        t.Panel.Answer("""{"order":1}""").Answer("""{"order":2}""").Answer("""{"error":"Not enough funds on balance"}""").Answer("""{"error":"Bad link"}""");

        for (var i = 0; i < 4; i++)
        {
            try
            {
                await t.Panel.Client.AddOrderAsync(Order);
            }
            catch (PlugsmmException)
            {
            }
        }

        var total = t.Lines.Count(l => l.Contains("Plugsmm API request", StringComparison.Ordinal));
        var errors = t.Lines.Count(l => ErrorGrep().IsMatch(l));
        var successes = t.Lines.Count(l => l.Contains("Plugsmm API success", StringComparison.Ordinal));
        var distribution = t.Lines.Select(l => ErrorType().Match(l)).Where(m => m.Success).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((4, 2, 2), (total, errors, successes));
        Assert.Equal(new Dictionary<string, int> { ["InsufficientFunds"] = 1, ["Permanent"] = 1 }, distribution);
    }

    [Fact]
    public async Task A_generated_correlation_id_is_on_the_span_the_log_lines_and_the_exception()
    {
        using var t = new Telemetry(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        t.Panel.Answer("""{"error":"Incorrect order ID"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => t.Panel.Client.GetOrderStatusAsync(5));

        Assert.Matches("^[0-9a-f]{16}$", error.CorrelationId);
        Assert.All(t.CallLines, l => Assert.Contains($"correlation_id={error.CorrelationId}", l, StringComparison.Ordinal));
        Assert.Single(t.SpansOf(error.CorrelationId));
        Assert.Contains(error.CorrelationId, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_client_says_once_which_key_it_uses_without_showing_it()
    {
        using var t = new Telemetry();

        var line = Assert.Single(t.Lines);

        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PanelStub.ApiKey)))[..12];
        Assert.Equal($"Plugsmm client 'default' configured: plugsmm_api_key_sha256={fingerprint} base_address=https://panel.test/api/v2 use_new_api=True timeout_s=30", line);
        Assert.Contains("api_key", line, StringComparison.Ordinal);
        Assert.Contains("plugsmm", line, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelStub.ApiKey, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlation_ids_must_be_printable_and_short()
    {
        Assert.Throws<ArgumentException>(() => PlugsmmCorrelation.Begin("a\nb"));
        Assert.Throws<ArgumentException>(() => PlugsmmCorrelation.Begin(new string('x', 129)));
        Assert.Throws<ArgumentException>(() => PlugsmmCorrelation.Begin(" "));
        using (PlugsmmCorrelation.Begin("outer"))
        {
            using (PlugsmmCorrelation.Begin("inner"))
            {
                Assert.Equal("inner", PlugsmmCorrelation.Current);
            }

            Assert.Equal("outer", PlugsmmCorrelation.Current);
        }

        Assert.Null(PlugsmmCorrelation.Current);
    }

    [Fact]
    public async Task The_health_check_reports_breaker_state_and_last_success()
    {
        var handler = new MockHttpMessageHandler();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.OK, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway]);
        handler.When("*").Respond(() => Task.FromResult(answers.Dequeue() is var status && status == HttpStatusCode.OK
            ? PanelStub.Json("""{"balance":"1"}""")
            : new HttpResponseMessage(status) { Content = new StringContent("{}") }));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = "k";
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHealthChecks().AddPlugsmm();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var client = provider.GetRequiredService<IPlugsmmClient>();

        var before = await health.CheckHealthAsync();
        await client.GetBalanceAsync();
        var healthy = (await health.CheckHealthAsync()).Entries["plugsmm"];
        await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());
        await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());
        var open = (await health.CheckHealthAsync()).Entries["plugsmm"];

        Assert.Equal(("never", HealthStatus.Healthy), (before.Entries["plugsmm"].Data["last_success"], before.Status));
        Assert.Equal((HealthStatus.Healthy, "2026-11-24T12:00:00.0000000+00:00"), (healthy.Status, healthy.Data["last_success"]));
        Assert.Equal((HealthStatus.Unhealthy, "Open"), (open.Status, open.Data["circuit_breaker_state"]));
    }

    [Fact]
    public void Clients_built_with_one_meter_factory_share_one_set_of_instruments()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

        Assert.Same(PlugsmmMetrics.For(factory), PlugsmmMetrics.For(factory));
    }

    [GeneratedRegex("Plugsmm API.*HTTP 500")]
    private static partial Regex HttpFiveHundred();

    [GeneratedRegex("Plugsmm API.*timeout")]
    private static partial Regex TimeoutGrep();

    [GeneratedRegex("Plugsmm API.*error")]
    private static partial Regex ErrorGrep();

    [GeneratedRegex(@"error_type=(\w+)")]
    private static partial Regex ErrorType();
}
