using System.Net;
using Plugsmm.Client.Tests.Client;
using Plugsmm.Client.Testing;
using Polly.Timeout;
using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>The runbook's scenarios, the no-duplicate rule counted at the handler, Retry-After, and the breaker, all on fake time.</summary>
public sealed partial class ResilienceTests
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
}
