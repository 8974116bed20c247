using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The examples of docs/testing.md, compiled and run; DocsSnippetTests checks the page quotes them verbatim.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public async Task Testing_a_bot_in_ten_lines()
    {
        // docs/testing.md: ten lines
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);       // catalogue + balance 100
        var client = panel.CreateClient();                                 // in memory, no network

        var orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 1000 });
        time.Advance(TimeSpan.FromHours(1));                               // orders progress on the panel's clock

        Assert.Equal(OrderState.Completed, (await client.GetOrderStatusAsync(orderId)).State);
        Assert.Equal(100m - 0.90m, panel.Balance);                         // charged rate x quantity / 1000
        Assert.Single(panel.Orders);                                       // ordered exactly once
        // end
    }

    [Fact]
    public async Task Testing_what_a_bot_does_when_the_panel_drops_the_connection_after_taking_the_order()
    {
        // docs/testing.md: faults
        await using var panel = SimulatedPanel.CreateDefault();
        panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");  // or TooManyRequests, Cloudflare(522), Latency(…), …
        var client = panel.CreateClient();

        var error = await Assert.ThrowsAsync<PlugsmmException>(
            () => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/bob", Quantity = 100 }));

        Assert.True(error.OutcomeUnknown);                                 // the client cannot know...
        Assert.Single(panel.Orders);                                       // ...but the panel took it, once
        // end
    }

    [Fact]
    public async Task Testing_against_the_panel_on_a_loopback_port()
    {
        // docs/testing.md: on a real port
        await using var panel = SimulatedPanel.CreateDefault();
        Uri address = await panel.StartAsync();   // http://127.0.0.1:<free port>/api/v2, served by Kestrel

        // The bot under test, in this process or another: its configuration points at the panel.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var client = new PlugsmmClient(http, new PlugsmmClientOptions { ApiKey = panel.ApiKey, BaseAddress = address });
        Balance balance = await client.GetBalanceAsync();

        await panel.StopAsync();
        // end
        Assert.Equal(100m, balance.Amount);
        Assert.Equal("balance", panel.Requests.Single().Action);
    }

    [Fact]
    public async Task Scripting_what_the_panel_reports_for_an_order_the_bot_places()
    {
        // docs/testing.md: scripted statuses
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        panel.ScriptStatusForLink(                                         // the next order on this link, whatever its id
            "https://instagram.com/carol",
            new SimulatedStatusStep { Error = "Incorrect order ID" },      // not visible yet
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(1), Status = "Paused" },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(30), Status = "Partial", Remains = 250 });
        var client = panel.CreateClient();

        var orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/carol", Quantity = 1000 });
        time.Advance(TimeSpan.FromMinutes(1));
        OrderStatus paused = await client.GetOrderStatusAsync(orderId);    // OrderState.Unknown, StatusText "Paused"
        time.Advance(TimeSpan.FromMinutes(29));
        OrderStatus partial = await client.GetOrderStatusAsync(orderId);   // OrderState.Partial, Remains 250: refillable
        // end
        Assert.Equal((OrderState.Unknown, "Paused"), (paused.State, paused.StatusText));
        Assert.Equal((OrderState.Partial, (long?)250L), (partial.State, partial.Remains));
    }

    [Fact]
    public async Task The_testing_package_readme_example()
    {
        // src/Plugsmm.Client.Testing/README.md
        await using var panel = SimulatedPanel.CreateDefault();            // a catalogue and a balance of 100
        PlugsmmClient client = panel.CreateClient();                        // in memory, no network

        long orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 1000 });
        panel.Faults.Next(PanelFault.TooManyRequests(TimeSpan.FromSeconds(1)), action: "status");

        OrderStatus status = await client.GetOrderStatusAsync(orderId);    // retried after the 429
        Console.WriteLine($"{status.State}, charged {100m - panel.Balance}, {panel.Requests.Count} requests");
        // end
        Assert.Equal(OrderState.Pending, status.State);
        Assert.Equal(0.90m, 100m - panel.Balance);
        Assert.Equal(3, panel.Requests.Count);
        Assert.NotNull(panel.Requests[1].Fault);
    }
}
