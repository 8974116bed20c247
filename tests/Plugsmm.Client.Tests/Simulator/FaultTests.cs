using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>Every injectable fault, in memory and on loopback: what the client sees, and what the panel's ledger says happened.</summary>
public sealed class FaultTests
{
    private static readonly DefaultOrder Order = new() { ServiceId = 2, Link = "https://instagram.com/p/fault", Quantity = 100 };

    public static TheoryData<string> Faults() => [.. PanelFault.All.Select(f => f.ToString())];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Each_fault_reaches_the_client_as_a_classified_failure_and_the_ledger_tells_whether_the_order_was_taken(string name)
    {
        var fault = PanelFault.All.Single(f => f.ToString() == name);
        var time = new FakeClock();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        panel.Faults.Next(fault, action: "add");

        var call = client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(time, call, TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        var request = Assert.Single(panel.Requests);
        Assert.Equal((fault, fault.ProcessesRequest), (request.Fault, request.Processed));
        Assert.Equal(fault.ProcessesRequest ? 1 : 0, panel.Orders.Count);
        var expected = fault.Kind switch
        {
            PanelFaultKind.HttpStatus when fault.StatusCode == 429 => PlugsmmErrorKind.RateLimited,
            PanelFaultKind.HttpStatus or PanelFaultKind.CloudflareHtml or PanelFaultKind.Latency or PanelFaultKind.DropBeforeProcessing or PanelFaultKind.DropAfterProcessing => PlugsmmErrorKind.Transient,
            _ => PlugsmmErrorKind.Unknown,
        };
        Assert.Equal(expected, error.Kind);
        // Whenever the panel may have taken the order, the client says it cannot know.
        if (fault.ProcessesRequest)
        {
            Assert.True(error.OutcomeUnknown);
        }
    }

    [Fact]
    public async Task A_429_carries_its_retry_after_and_the_client_waits_then_orders_once()
    {
        var time = new FakeClock();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = panel.CreateClient(o => o.Resilience.Retry.UseJitter = false);
        panel.Faults.Next(PanelFault.TooManyRequests(TimeSpan.FromSeconds(7)), "add");

        var call = client.AddOrderAsync(Order);
        var elapsed = await FakeTime.DriveAsync(time, call, TimeSpan.FromMilliseconds(100));

        Assert.Equal(panel.Orders.Single().Id, await call);
        Assert.Equal(2, panel.Requests.Count);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.3));
    }

    [Fact]
    public async Task Faults_drawn_at_a_rate_are_the_same_for_the_same_seed()
    {
        async Task<List<string>> Run(int seed)
        {
            await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
            var client = panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
            panel.Faults.AtRate(0.5, seed, "balance", PanelFault.ServerError(503), PanelFault.EmptyBody);
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    await client.GetBalanceAsync();
                }
                catch (PlugsmmException)
                {
                }
            }

            return panel.Requests.Select(r => r.Fault?.ToString() ?? "none").ToList();
        }

        var first = await Run(42);

        Assert.Equal(first, await Run(42));
        Assert.NotEqual(first, await Run(7));
        Assert.InRange(first.Count(f => f != "none"), 10, 30);
    }

    [Fact]
    public async Task On_loopback_the_panel_serves_real_http_including_dropped_connections()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var address = await panel.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = panel.ApiKey;
            o.BaseAddress = address;
            o.Resilience.Retry.MaxRetryAttempts = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPlugsmmClient>();

        Assert.Equal("127.0.0.1", address.Host);
        var id = await client.AddOrderAsync(Order);
        Assert.Equal(OrderState.Pending, (await client.GetOrderStatusAsync(id)).State);
        panel.Faults.Next(PanelFault.DropAfterProcessing, "add").Next(PanelFault.Cloudflare(522), "balance");
        var dropped = await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/loop", Quantity = 100 }));
        var cloudflare = await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());

        Assert.True(dropped.OutcomeUnknown);
        Assert.Equal(2, panel.Orders.Count);
        Assert.Equal((522, PlugsmmErrorKind.Transient), (cloudflare.StatusCode, cloudflare.Kind));
        Assert.Contains("Just a moment...", cloudflare.ResponsePreview, StringComparison.Ordinal);

        await panel.StopAsync();
        Assert.Null(panel.Address);
        var refused = await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());
        Assert.Equal(("connection", false), (refused.Reason, refused.OutcomeUnknown));
    }

    [Fact]
    public async Task A_panel_that_crashes_after_taking_the_order_keeps_one_order_in_its_ledger()
    {
        var time = new FakeClock();
        await using var simulated = SimulatedPanel.CreateDefault(time);
        var client = simulated.CreateClient(o => o.Resilience.Retry.UseJitter = false);
        simulated.Faults.Next(PanelFault.ServerErrorAfterProcessing(502), "add");

        var call = client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 });
        await FakeTime.DriveAsync(time, call, TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(simulated.Orders);
        Assert.Equal((true, 502), (error.OutcomeUnknown, error.StatusCode));
    }
}
