using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>The examples of docs/actions.md for every action, run against the simulated panel; DocsSnippetTests checks the page quotes them verbatim.</summary>
public sealed class ActionExamples
{
    [Fact]
    public async Task Services()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var client = panel.CreateClient();

        // docs/actions.md: services
        IReadOnlyList<Service> catalogue = await client.GetServicesAsync();
        foreach (Service service in catalogue.Where(s => s.Category.Contains("Instagram", StringComparison.Ordinal)))
        {
            Console.WriteLine($"{service.Id} {service.Type} '{service.Name}': {service.RatePer1000} per 1000, {service.Min}-{service.Max}, refill {service.Refill}");
        }
        // end

        Assert.Equal(7, catalogue.Count);
        Assert.Equal(0.27819m, catalogue[1].RatePer1000);
        Assert.True(catalogue[2].DripFeed);
        Assert.Equal("Custom Comments", catalogue[3].Type);
    }

    [Fact]
    public async Task Status_of_one_order()
    {
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = panel.CreateClient();
        var orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 7, Link = "https://youtube.com/@alice", Quantity = 1000 });
        time.Advance(TimeSpan.FromDays(1));

        // docs/actions.md: status
        OrderStatus status = await client.GetOrderStatusAsync(orderId);
        if (status.State is OrderState.Completed or OrderState.Partial)
        {
            Console.WriteLine($"done: {status.StatusText}, {status.Remains} not delivered, charged {status.Charge} {status.Currency}");
        }
        // end

        Assert.Equal(OrderState.Partial, status.State);
        Assert.Equal("Partial", status.StatusText);
        Assert.Equal(200, status.Remains);
        Assert.Equal(6.4m, status.Charge);
        Assert.Equal("USD", status.Currency);
    }

    [Fact]
    public async Task Status_of_many_orders()
    {
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = panel.CreateClient();
        List<long> trackedOrderIds = [];
        for (var i = 0; i < 150; i++)
        {
            trackedOrderIds.Add(await client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = $"https://instagram.com/p/{i}", Quantity = 10 }));
        }

        trackedOrderIds.Add(999);
        time.Advance(TimeSpan.FromHours(1));
        var finished = new List<long>();

        // docs/actions.md: status many
        IReadOnlyList<ItemResult<OrderStatus>> statuses = await client.GetOrderStatusesAsync(trackedOrderIds);
        foreach (ItemResult<OrderStatus> item in statuses)
        {
            if (!item.IsSuccess)
            {
                Console.WriteLine($"order {item.Id}: {item.Error!.PanelError}");   // "Incorrect order ID": unknown, or not visible yet
            }
            else if (item.Value.State is OrderState.Completed or OrderState.Partial)
            {
                finished.Add(item.Id);
            }
        }
        // end

        Assert.Equal(151, statuses.Count);
        Assert.Equal(150, finished.Count);
        Assert.Equal("Incorrect order ID", statuses[^1].Error?.PanelError);
        Assert.Equal(2, panel.Requests.Count(r => r.Action == "status"));   // 100 ids per request
    }

    [Fact]
    public async Task Refill_and_refill_status_of_one_order()
    {
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = panel.CreateClient();
        var orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 1000 });
        time.Advance(TimeSpan.FromHours(1));

        // docs/actions.md: refill
        long refillId = await client.RefillOrderAsync(orderId);
        RefillStatus refill = await client.GetRefillStatusAsync(refillId);
        Console.WriteLine($"refill {refillId} of order {orderId}: {refill.State} ({refill.StatusText})");
        // end

        Assert.Equal(RefillState.Pending, refill.State);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(RefillState.Completed, (await client.GetRefillStatusAsync(refillId)).State);
    }

    [Fact]
    public async Task Refill_and_refill_status_of_many()
    {
        var time = new FakeTimeProvider();
        await using var panel = SimulatedPanel.CreateDefault(time);
        var client = panel.CreateClient();
        var done = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 1000 });
        var noRefill = await client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/p/1", Quantity = 100 });
        time.Advance(TimeSpan.FromHours(1));
        long[] orderIds = [done, noRefill];

        // docs/actions.md: refill many
        IReadOnlyList<ItemResult<long>> refills = await client.RefillOrdersAsync(orderIds);
        long[] refillIds = refills.Where(r => r.IsSuccess).Select(r => r.Value).ToArray();
        foreach (ItemResult<long> refused in refills.Where(r => !r.IsSuccess))
        {
            Console.WriteLine($"order {refused.Id}: {refused.Error!.Reason}");   // "refill_not_eligible": "Order not eligible for refill."
        }

        IReadOnlyList<ItemResult<RefillStatus>> states = await client.GetRefillStatusesAsync(refillIds);
        // end

        Assert.Single(refillIds);
        Assert.Equal("Order not eligible for refill.", refills[1].Error?.PanelError);
        Assert.Equal(RefillState.Pending, states.Single().Value.State);
    }

    [Fact]
    public async Task Cancel()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var client = panel.CreateClient();
        var orderId = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 1000 });
        long[] orderIds = [await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/bob", Quantity = 1000 }), 999_999];

        // docs/actions.md: cancel
        bool accepted = await client.CancelOrderAsync(orderId);   // refused: a PlugsmmException ("Order can not be canceled.")
        IReadOnlyList<ItemResult<bool>> cancels = await client.CancelOrdersAsync(orderIds);   // one item per id
        // end

        Assert.True(accepted);
        Assert.True(cancels[0].Value);
        Assert.Equal(("invalid_order", PlugsmmErrorKind.Permanent), (cancels[1].Error!.Reason, cancels[1].Error!.Kind));
        Assert.Equal(100m, panel.Balance);   // both refunded in full: nothing was delivered yet
        var refused = await Assert.ThrowsAsync<PlugsmmException>(() => client.CancelOrderAsync(999_999));
        Assert.Equal(("Incorrect order ID", "invalid_order"), (refused.PanelError, refused.Reason));
    }

    [Fact]
    public async Task Balance()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        panel.SetBalance(100.84292m);
        var client = panel.CreateClient();

        // docs/actions.md: balance
        Balance balance = await client.GetBalanceAsync();
        Console.WriteLine($"{balance.Amount} {balance.Currency}");   // every decimal the panel sent: 100.84292 USD
        // end

        Assert.Equal(100.84292m, balance.Amount);
        Assert.Equal("USD", balance.Currency);
    }
}
