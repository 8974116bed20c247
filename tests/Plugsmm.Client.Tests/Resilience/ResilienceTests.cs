using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plugsmm.Client.Tests.Client;
using Plugsmm.Client.Testing;
using Polly.Timeout;
using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>The runbook's scenarios, the no-duplicate rule counted at the handler, Retry-After, and the breaker, all on fake time.</summary>
public sealed class ResilienceTests
{
    private static readonly DefaultOrder Order = new() { ServiceId = 1, Link = "https://instagram.com/p/Cx~9", Quantity = 100 };
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Retries on, no jitter, and timeouts far beyond the delays under test, so the fake clock moving while an
    /// attempt is busy cannot time it out; tests of timeouts set their own.
    /// </summary>
    private static PanelStub Panel(Action<PlugsmmClientOptions>? configure = null) => new(o =>
    {
        o.Resilience.Retry.MaxRetryAttempts = 3;
        o.Resilience.Retry.UseJitter = false;
        o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(10);
        o.Resilience.TotalTimeout = TimeSpan.FromHours(1);
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Scenario_1_a_successful_boost_returns_the_provider_order_id()
    {
        using var panel = Panel().Answer("""{"order":23501}""");

        Assert.Equal(23501, await panel.Client.AddOrderAsync(Order));
        Assert.Single(panel.Requests);
        Assert.Equal(PlugsmmCircuitState.Closed, panel.Client.CircuitState);
    }

    [Fact]
    public async Task Scenario_2_insufficient_funds_is_classified_not_retried_and_leaks_nothing_to_the_user()
    {
        using var panel = Panel().Answer("""{"error":"Not enough funds on balance"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal((PlugsmmErrorKind.InsufficientFunds, "insufficient_funds", false, false, 1), (error.Kind, error.Reason, error.IsRetryable, error.OutcomeUnknown, error.Attempts));
        Assert.Single(panel.Requests);
        Assert.Equal("Not enough funds on balance", error.PanelError);
        Assert.Equal("The service is temporarily unavailable. Please try again later.", error.UserMessage);
        Assert.DoesNotContain("fund", error.UserMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9a-f]{16}$", error.CorrelationId);
    }

    [Fact]
    public async Task Scenario_3_an_invalid_service_is_permanent_and_not_retried()
    {
        using var panel = Panel().Answer("""{"error":"Incorrect service ID"}""").Answer("""{"order":1}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal((PlugsmmErrorKind.Permanent, "invalid_service", false), (error.Kind, error.Reason, error.IsRetryable));
        Assert.Single(panel.Requests);
    }

    [Fact]
    public async Task Scenario_4_a_network_error_is_transient_and_retried_with_exponential_backoff()
    {
        using var panel = Panel()
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Fail(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"))
            .Fail(new HttpRequestException(HttpRequestError.Unknown, "Network is unreachable"))
            .Answer("""{"balance":"10.5","currency":"USD"}""");

        var call = panel.Client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(10.5m, (await call).Amount);
        Assert.Equal(4, panel.Requests.Count);
        // 1 s, 2 s, 4 s without jitter: 7 s of fake time, give or take one step.
        Assert.InRange(elapsed, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) + (3 * Step));
    }

    [Fact]
    public async Task Scenario_4_the_breaker_opens_after_the_threshold_fails_fast_then_half_opens_and_closes()
    {
        using var panel = Panel(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 4;
            o.Resilience.CircuitBreaker.FailureRatio = 0.5;
        });
        for (var i = 0; i < 4; i++)
        {
            panel.Answer("<html>502 Bad Gateway</html>", HttpStatusCode.BadGateway, "text/html");
        }

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());
        }

        Assert.Equal(PlugsmmCircuitState.Open, panel.Client.CircuitState);
        var skipped = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());
        Assert.Equal("Skipped balance: the panel's circuit breaker is open, nothing was sent", skipped.Message);
        Assert.Equal(("circuit_open", PlugsmmErrorKind.Transient, false), (skipped.Reason, skipped.Kind, skipped.OutcomeUnknown));
        Assert.Equal(4, panel.Requests.Count);

        panel.Time.Advance(TimeSpan.FromSeconds(59));
        await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());
        Assert.Equal(4, panel.Requests.Count);

        panel.Time.Advance(TimeSpan.FromSeconds(1));
        var stateDuringTrial = PlugsmmCircuitState.Closed;
        panel.Answer(() =>
        {
            stateDuringTrial = panel.Client.CircuitState;
            return PanelStub.Json("""{"balance":"1"}""");
        });
        Assert.Equal(1m, (await panel.Client.GetBalanceAsync()).Amount);
        Assert.Equal(PlugsmmCircuitState.HalfOpen, stateDuringTrial);
        Assert.Equal(PlugsmmCircuitState.Closed, panel.Client.CircuitState);
    }

    [Fact]
    public async Task A_retry_whose_wait_would_outlast_the_total_timeout_is_not_made()
    {
        // Delays of 20 s then 40 s without jitter: the second wait would end at 60 s, past a total of 45 s, so the
        // call fails at 20 s with the failure it has, instead of waiting 25 s more for nothing.
        using var panel = Panel(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(45);
            o.Resilience.Retry.MaxRetryAttempts = 5;
            o.Resilience.Retry.Delay = TimeSpan.FromSeconds(20);
            o.Resilience.Retry.MaxDelay = TimeSpan.FromMinutes(5);
        });
        for (var i = 0; i < 6; i++)
        {
            panel.Answer("{}", HttpStatusCode.ServiceUnavailable);
        }

        var call = panel.Client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(panel.Time, call, Step);
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Equal((PlugsmmErrorKind.Transient, 503, 2), (error.Kind, error.StatusCode, error.Attempts));
        Assert.Equal(2, panel.Requests.Count);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20) + (2 * Step));
    }

    [Fact]
    public async Task An_attempt_is_cut_short_to_end_with_the_total_timeout()
    {
        // Attempt 1 fails at once, the retry waits 20 s, attempt 2 hangs: its own timeout (30 s) would end at 50 s,
        // the total (45 s) ends first, and the error names the total.
        var time = new FakeClock();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = new PlugsmmClient(
            new HttpClient(panel.CreateHandler()),
            new PlugsmmClientOptions
            {
                ApiKey = panel.ApiKey,
                BaseAddress = new Uri("https://simulated-panel.invalid/api/v2"),
                Resilience =
                {
                    AttemptTimeout = TimeSpan.FromSeconds(30),
                    TotalTimeout = TimeSpan.FromSeconds(45),
                    Retry = { UseJitter = false, Delay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromMinutes(1) },
                },
            },
            timeProvider: time);
        panel.Faults.Next(PanelFault.ServerError(503), "balance").Next(PanelFault.Latency(TimeSpan.FromMinutes(5)), "balance");

        var call = client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(time, call, Step);
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Equal(("timeout", PlugsmmErrorKind.Transient, 2), (error.Reason, error.Kind, error.Attempts));
        Assert.Equal("The call to balance timed out after 45s", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(45), Assert.IsType<TimeoutRejectedException>(error.InnerException).Timeout);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(45) + (2 * Step));
    }

    [Fact]
    public async Task A_failed_trial_call_opens_the_breaker_again()
    {
        using var panel = Panel(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        });
        panel.Answer("{}", HttpStatusCode.ServiceUnavailable).Answer("{}", HttpStatusCode.ServiceUnavailable).Answer("{}", HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());
        await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());
        Assert.Equal(PlugsmmCircuitState.Open, panel.Client.CircuitState);

        panel.Time.Advance(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal(PlugsmmCircuitState.Open, panel.Client.CircuitState);
        Assert.Equal(3, panel.Requests.Count);
    }

    [Fact]
    public async Task Refusals_do_not_trip_the_breaker()
    {
        using var panel = Panel(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        });
        for (var i = 0; i < 5; i++)
        {
            panel.Answer("""{"error":"Not enough funds on balance"}""");
            await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));
        }

        Assert.Equal(PlugsmmCircuitState.Closed, panel.Client.CircuitState);
    }

    public static TheoryData<string> UnknownOutcomes() => ["timeout", "reset after send", "500", "502 html", "200 html", "200 no order id"];

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public async Task An_order_whose_outcome_is_unknown_is_sent_exactly_once_and_flagged(string fault)
    {
        using var panel = Panel(o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        switch (fault)
        {
            case "timeout":
                panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent(panel.Time) });
                break;
            case "reset after send":
                panel.Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
                break;
            case "500":
                panel.Answer("""{"message":"Server Error"}""", HttpStatusCode.InternalServerError);
                break;
            case "502 html":
                panel.Answer("<html><h1>502 Bad Gateway</h1></html>", HttpStatusCode.BadGateway, "text/html");
                break;
            case "200 html":
                panel.Answer("<html>Just a moment...</html>", HttpStatusCode.OK, "text/html");
                break;
            default:
                panel.Answer("""{"status":"success"}""");
                break;
        }

        for (var i = 0; i < 5; i++)
        {
            panel.Answer("""{"order":999}""");
        }

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(panel.Requests);
        Assert.True(error.OutcomeUnknown);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("We could not confirm your request. Please do not repeat it; our team will check it.", error.UserMessage);
    }

    [Fact]
    public async Task A_read_under_the_same_faults_is_retried_freely()
    {
        using var panel = Panel(o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent(panel.Time) })
            .Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            .Answer("<html>502</html>", HttpStatusCode.BadGateway, "text/html")
            .Answer("""{"status":"Completed"}""");

        var call = panel.Client.GetOrderStatusAsync(5);
        await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(OrderState.Completed, (await call).State);
        Assert.Equal(4, panel.Requests.Count);
    }

    [Fact]
    public async Task An_order_refused_before_sending_is_retried_and_placed_once()
    {
        using var panel = Panel()
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Fail(new HttpRequestException(HttpRequestError.SecureConnectionError, "TLS handshake failed"))
            .Answer("""{"order":23501}""");

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(23501, await call);
        Assert.Equal(3, panel.Requests.Count);
    }

    [Fact]
    public async Task An_order_rate_limited_with_retry_after_seconds_waits_that_long_and_is_placed_once()
    {
        using var panel = Panel()
            .Answer(() => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(5))))
            .Answer("""{"order":23501}""");

        var call = panel.Client.AddOrderAsync(Order);
        var elapsed = await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(23501, await call);
        Assert.Equal(2, panel.Requests.Count);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) + (2 * Step));
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_honoured_on_the_clients_clock()
    {
        using var panel = Panel();
        panel.Answer(() => TooManyRequests(new RetryConditionHeaderValue(panel.Time.GetUtcNow().AddSeconds(8))))
            .Answer("""{"balance":"3"}""");

        var call = panel.Client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(3m, (await call).Amount);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8) + (2 * Step));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_delay_is_not_waited_for()
    {
        using var panel = Panel().Answer(() => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromMinutes(10))));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal((PlugsmmErrorKind.RateLimited, (TimeSpan?)TimeSpan.FromMinutes(10), true), (error.Kind, error.RetryAfter, error.IsRetryable));
        Assert.Single(panel.Requests);
    }

    [Fact]
    public async Task A_rate_limit_in_the_panels_words_at_http_200_is_retried()
    {
        using var panel = Panel().Answer("""{"error":"Too many requests, slow down"}""").Answer("""{"order":7}""");

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(7, await call);
        Assert.Equal(2, panel.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_limit_and_the_exception_counts_the_attempts()
    {
        using var panel = Panel();
        for (var i = 0; i < 4; i++)
        {
            panel.Answer("{}", HttpStatusCode.ServiceUnavailable);
        }

        var call = panel.Client.GetBalanceAsync();
        await FakeTime.DriveAsync(panel.Time, call, Step);
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Equal((4, PlugsmmErrorKind.Transient, "http_503"), (error.Attempts, error.Kind, error.Reason));
        Assert.Equal(4, panel.Requests.Count);
    }

    [Fact]
    public async Task A_caller_who_cancels_during_a_retry_delay_gets_an_operation_canceled_exception()
    {
        using var panel = Panel().Answer("{}", HttpStatusCode.ServiceUnavailable);
        using var cancel = new CancellationTokenSource();

        var call = panel.Client.GetBalanceAsync(cancel.Token);
        await panel.Time.WhenParkedAsync(call); // the 503 came back and the retry's wait is set
        Assert.Equal((1, false), (panel.Requests.Count, call.IsCompleted));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Operators_rules_from_configuration_classify_new_messages_without_a_rebuild()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = "k",
            ["Plugsmm:ErrorRules:0:Pattern"] = "under maintenance",
            ["Plugsmm:ErrorRules:0:Kind"] = "Transient",
            ["Plugsmm:ErrorRules:0:Reason"] = "maintenance",
            ["Plugsmm:Resilience:Retry:MaxRetryAttempts"] = "5",
            ["Plugsmm:Resilience:CircuitBreaker:BreakDuration"] = "00:02:00",
        }).Build();
        var options = new PlugsmmClientOptions();

        PlugsmmConfiguration.Bind(options, configuration, "Plugsmm");

        var rule = Assert.Single(options.ErrorRules);
        Assert.Equal(("under maintenance", PlugsmmErrorKind.Transient, "maintenance"), (rule.Pattern, rule.Kind, rule.Reason));
        Assert.Equal((5, TimeSpan.FromMinutes(2)), (options.Resilience.Retry.MaxRetryAttempts, options.Resilience.CircuitBreaker.BreakDuration));

        using var panel = new PanelStub(o =>
        {
            o.ErrorRules.Add(rule);
            o.Resilience.Retry.MaxRetryAttempts = 1;
        }).Answer("""{"error":"Panel is under maintenance"}""").Answer("""{"balance":"2"}""");
        var call = panel.Client.GetBalanceAsync();
        await FakeTime.DriveAsync(panel.Time, call, Step);
        Assert.Equal(2m, (await call).Amount);
    }

    [Fact]
    public void A_rule_with_an_unknown_kind_is_refused_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = "k",
            ["Plugsmm:ErrorRules:0:Pattern"] = "x",
            ["Plugsmm:ErrorRules:0:Kind"] = "Sometimes",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<IPlugsmmClient>());

        Assert.Contains("'Sometimes' at 'Plugsmm:ErrorRules:0:Kind' to type 'Plugsmm.Client.PlugsmmErrorKind'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_pinned_to_the_runbook()
    {
        var options = new PlugsmmClientOptions();
        var resilience = options.Resilience;

        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), resilience.CircuitBreaker.BreakDuration);
        Assert.Equal(3, resilience.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), resilience.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(30), resilience.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(120), resilience.TotalTimeout);
        Assert.Equal(0.5, resilience.CircuitBreaker.FailureRatio);
        Assert.Equal(10, resilience.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), resilience.CircuitBreaker.SamplingDuration);
        Assert.True(resilience.Retry.UseJitter);
    }

    [Theory]
    [InlineData("MaxRetryAttempts", "Resilience:Retry:MaxRetryAttempts must be between 0 and 10.")]
    [InlineData("RetryDelay", "needs Resilience:Retry:Delay <= Resilience:Retry:MaxDelay (were 00:01:00 and 00:00:30).")]
    [InlineData("TotalTimeout", "needs Resilience:TotalTimeout (00:00:10) to be at least Resilience:AttemptTimeout (00:00:30)")]
    [InlineData("FailureRatio", "Resilience:CircuitBreaker:FailureRatio must be between 0 exclusive and 1.")]
    [InlineData("MinimumThroughput", "Resilience:CircuitBreaker:MinimumThroughput must be between 2 and 2147483647.")]
    [InlineData("BreakDuration", "Resilience:CircuitBreaker:BreakDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    public void Resilience_settings_are_checked_across_fields(string setting, string message)
    {
        var options = new PlugsmmClientOptions { ApiKey = "k" };
        switch (setting)
        {
            case "MaxRetryAttempts": options.Resilience.Retry.MaxRetryAttempts = 11; break;
            case "RetryDelay": options.Resilience.Retry.Delay = TimeSpan.FromMinutes(1); break;
            case "TotalTimeout": options.Resilience.TotalTimeout = TimeSpan.FromSeconds(10); break;
            case "FailureRatio": options.Resilience.CircuitBreaker.FailureRatio = 1.5; break;
            case "MinimumThroughput": options.Resilience.CircuitBreaker.MinimumThroughput = 1; break;
            default: options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(100); break;
        }

        using var http = new HttpClient();
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new PlugsmmClient(http, options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclassified_error_is_logged_as_unknown_error_and_not_retried()
    {
        var logs = new ConfigurationTests.ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var panel = new PanelStub(o => o.Resilience.Retry.MaxRetryAttempts = 3, loggers.CreateLogger<PlugsmmClient>()).Answer("""{"error":"The moon is in the wrong phase"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal(PlugsmmErrorKind.Unknown, error.Kind);
        Assert.Single(panel.Requests);
        var unknown = Assert.Single(logs.Messages, m => m.Contains("Unknown error", StringComparison.Ordinal));
        Assert.Contains(error.CorrelationId, unknown, StringComparison.Ordinal);
        var errorLine = Assert.Single(logs.Messages, m => m.StartsWith("Plugsmm API error", StringComparison.Ordinal));
        Assert.Contains("error_type=Unknown", errorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_still_surfaces_as_a_plugsmm_exception_with_an_unknown_outcome()
    {
        using var panel = Panel().Fail(new ObjectDisposedException("SocketsHttpHandler"));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal((PlugsmmErrorKind.Unknown, "unexpected", true), (error.Kind, error.Reason, error.OutcomeUnknown));
        Assert.IsType<ObjectDisposedException>(error.InnerException);
        Assert.Single(panel.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task An_add_answered_by_a_5xx_with_a_json_error_is_not_sent_again(HttpStatusCode status)
    {
        using var panel = new PanelStub(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 3;
            o.Resilience.Retry.UseJitter = false;
        }).Answer("""{"error":"Internal server error"}""", status).Answer("""{"order":2}""");

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(panel.Requests);
        Assert.True(error.OutcomeUnknown);
    }

    private static HttpResponseMessage TooManyRequests(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too Many Requests") };
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
