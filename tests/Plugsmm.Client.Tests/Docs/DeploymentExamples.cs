using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>docs/deployment.md: the runbook's staging scenarios, as a host's own tests run them against the simulated panel.</summary>
public sealed class DeploymentExamples
{
    [Fact]
    public async Task Scenario_2_insufficient_funds()
    {
        // docs/deployment.md: insufficient funds
        await using var panel = SimulatedPanel.CreateDefault();
        panel.SetBalance(0m);
        var client = panel.CreateClient();

        var error = await Assert.ThrowsAsync<PlugsmmException>(
            () => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/Cx~9", Quantity = 100 }));

        Assert.Equal(PlugsmmErrorKind.InsufficientFunds, error.Kind);               // INSUFFICIENT_FUNDS: tell an admin
        Assert.Equal(1, error.Attempts);                                              // not retried
        Assert.DoesNotContain("funds", error.UserMessage, StringComparison.OrdinalIgnoreCase); // the user sees a generic message
        // end
    }

    [Fact]
    public async Task Scenarios_1_3_and_4()
    {
        // docs/deployment.md: scenarios
        await using var panel = SimulatedPanel.CreateDefault();
        var client = panel.CreateClient(o => o.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(10));

        // 1: a successful boost returns the panel's order id
        long orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/Cx~9", Quantity = 100 });

        // 3: a wrong service id is PERMANENT and not retried
        var refused = await Assert.ThrowsAsync<PlugsmmException>(
            () => client.AddOrderAsync(new DefaultOrder { ServiceId = 999, Link = "https://instagram.com/p/Other", Quantity = 100 }));
        Assert.Equal((PlugsmmErrorKind.Permanent, "invalid_service", 1), (refused.Kind, refused.Reason, refused.Attempts));

        // 4: network trouble is TRANSIENT; a read is retried with backoff...
        panel.Faults.Next(PanelFault.DropBeforeProcessing, action: "status", times: 2);
        Assert.Equal(OrderState.Pending, (await client.GetOrderStatusAsync(orderId)).State);

        // ...an order only when it certainly never reached the panel: here it did, so no second order
        panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
        var unknown = await Assert.ThrowsAsync<PlugsmmException>(
            () => client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/p/Third", Quantity = 100 }));
        Assert.True(unknown.OutcomeUnknown);
        Assert.Equal(2, panel.Orders.Count);
        // end
        Assert.Equal(23501, orderId);
        Assert.Equal(3, panel.Requests.Count(r => r.Action == "status"));
    }
}
