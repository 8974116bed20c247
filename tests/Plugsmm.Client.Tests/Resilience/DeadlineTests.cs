using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>
/// The total timeout as a deadline, at its edges: a retry whose wait ends later than planned sends nothing more, and
/// both timeouts always come from the same options (the pipeline's), also after the options are reloaded.
/// </summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task A_retry_wait_that_ends_too_close_to_the_deadline_sends_nothing_and_the_call_ends_as_it_stood()
    {
        // Planned: fail at 0 s, wait 1 s, retry with 2 s left. The wait ends at 2.5 s instead (a GC pause, a busy pool):
        // 0.5 s left, less than an attempt is started with (1 s). An add that certainly was not sent must stay that
        // way, not become an attempt with a budget of milliseconds whose outcome is unknown.
        using var panel = new PanelStub(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(3);
            o.Resilience.Retry.Delay = TimeSpan.FromSeconds(1);
            o.Resilience.Retry.MaxRetryAttempts = 3;
            o.Resilience.Retry.UseJitter = false;
        });
        panel.Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")).Answer("""{"order":1}""");

        var call = panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/late", Quantity = 100 });
        await panel.Time.WhenParkedAsync(call); // the first attempt failed and the retry's wait is set
        Assert.Single(panel.Requests);
        panel.Time.Advance(TimeSpan.FromMilliseconds(2500));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call.WaitAsync(FakeTime.Guard, TimeProvider.System));

        Assert.Single(panel.Requests);
        Assert.Equal(("connection", false, 1), (error.Reason, error.OutcomeUnknown, error.Attempts));
    }

    [Fact]
    public async Task After_an_options_reload_the_attempt_timeout_still_comes_with_the_pipelines_total()
    {
        var time = new FakeClock();
        var (timeout, total) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = PanelStub.ApiKey;
            o.BaseAddress = new Uri(PanelStub.Endpoint);
            o.Resilience.AttemptTimeout = timeout;
            o.Resilience.TotalTimeout = total;
            o.Resilience.Retry.MaxRetryAttempts = 0;
        }).ConfigurePrimaryHttpMessageHandler(() => new Hanging(time));
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IPlugsmmClient>(); // builds the name's pipeline: 30 s / 45 s

        // A reload (the options cache invalidated, as a configuration change does): 60 s / 120 s, valid on their own.
        (timeout, total) = (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
        provider.GetRequiredService<IOptionsMonitorCache<PlugsmmClientOptions>>().TryRemove(Options.DefaultName);
        var client = provider.GetRequiredService<IPlugsmmClient>();

        var call = client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(time, call, TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        // One set of timeouts, the pipeline's: never an attempt of 60 s against a total of 45 s.
        Assert.Equal("The call to balance timed out after 30s", error.Message);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30.2));
    }

    private sealed class Hanging(FakeClock time) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await time.ParkAsync(cancellationToken);
            throw new InvalidOperationException("never answered");
        }
    }
}

/// <summary>A caller's cancellation reaches the caller as its own: the exception carries the caller's token.</summary>
public sealed class CallerCancellationTests
{
    [Fact]
    public async Task A_cancelled_call_without_side_effects_throws_with_the_callers_token()
    {
        var time = new FakeClock();
        var client = new PlugsmmClient(
            new HttpClient(new WaitsForCancellation()),
            new PlugsmmClientOptions { ApiKey = PanelStub.ApiKey, BaseAddress = new Uri(PanelStub.Endpoint) },
            timeProvider: time);
        using var cts = new CancellationTokenSource();

        var call = client.GetBalanceAsync(cts.Token);
        await cts.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(FakeTime.Guard, TimeProvider.System));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    private sealed class WaitsForCancellation : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await SlowAnswers.UntilCancelledAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
