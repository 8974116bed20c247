using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>
/// A client name's pipeline lives in Polly's registry: when the name's options change (here, a configuration reload),
/// the next calls run on a pipeline built from the new options, and every client of the name shares it.
/// </summary>
public sealed class PipelineReloadTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task After_a_configuration_reload_the_next_calls_retry_as_the_new_options_say()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = PanelStub.ApiKey,
            ["Plugsmm:BaseAddress"] = PanelStub.Endpoint,
            ["Plugsmm:Resilience:Retry:MaxRetryAttempts"] = "1",
            ["Plugsmm:Resilience:Retry:UseJitter"] = "false",
        }).Build();
        var time = new FakeClock();
        var panel = new AlwaysUnavailable();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddPlugsmmClient(configuration).ConfigurePrimaryHttpMessageHandler(() => panel);
        using var provider = services.BuildServiceProvider();

        var before = await FailsAfterAsync(provider.GetRequiredService<IPlugsmmClient>(), time);

        configuration["Plugsmm:Resilience:Retry:MaxRetryAttempts"] = "3";
        configuration.Reload();
        var after = await FailsAfterAsync(provider.GetRequiredService<IPlugsmmClient>(), time);

        Assert.Equal((2, 4), (before.Attempts, after.Attempts));
        Assert.Equal(6, panel.Requests);
    }

    [Fact]
    public async Task A_reload_keeps_one_pipeline_for_every_client_of_the_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = PanelStub.ApiKey,
            ["Plugsmm:BaseAddress"] = PanelStub.Endpoint,
            ["Plugsmm:Resilience:Retry:MaxRetryAttempts"] = "0",
            ["Plugsmm:Resilience:CircuitBreaker:MinimumThroughput"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeClock());
        services.AddPlugsmmClient(configuration).ConfigurePrimaryHttpMessageHandler(() => new AlwaysUnavailable());
        using var provider = services.BuildServiceProvider();
        var first = provider.GetRequiredService<IPlugsmmClient>();

        configuration["Plugsmm:Resilience:CircuitBreaker:MinimumThroughput"] = "3";
        configuration.Reload();
        var second = provider.GetRequiredService<IPlugsmmClient>();
        await Assert.ThrowsAsync<PlugsmmException>(() => first.GetBalanceAsync());
        await Assert.ThrowsAsync<PlugsmmException>(() => second.GetBalanceAsync());

        // Two failures would have opened the old breaker; the rebuilt one, shared by both clients, needs three.
        Assert.Equal((PlugsmmCircuitState.Closed, PlugsmmCircuitState.Closed), (first.CircuitState, second.CircuitState));
        await Assert.ThrowsAsync<PlugsmmException>(() => first.GetBalanceAsync());
        Assert.Equal((PlugsmmCircuitState.Open, PlugsmmCircuitState.Open), (first.CircuitState, second.CircuitState));
    }

    private static async Task<PlugsmmException> FailsAfterAsync(IPlugsmmClient client, FakeClock time)
    {
        var call = client.GetBalanceAsync();
        await FakeTime.DriveAsync(time, call, Step);
        return await Assert.ThrowsAsync<PlugsmmException>(() => call);
    }

    private sealed class AlwaysUnavailable : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") });
        }
    }
}
