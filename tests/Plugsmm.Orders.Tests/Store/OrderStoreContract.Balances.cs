using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>The contract of balance checks: alerts once per crossing, in the outbox; a top-up wakes the orders waiting for funds.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task A_low_balance_is_one_event_per_crossing_and_a_restored_one_another()
    {
        var store = CreateStore(Time);
        var first = await store.RecordBalanceAsync("", new Balance { Amount = 100m, Currency = "USD" }, 50m, default);
        Assert.Equal((100m, (decimal?)null, false, false, false), (first.Balance, first.PreviousBalance, first.Low, first.Alerted, first.Restored));

        var below = await store.RecordBalanceAsync("", new Balance { Amount = 49.99m }, 50m, default);
        var stillBelow = await store.RecordBalanceAsync("", new Balance { Amount = 10m }, 50m, default);
        var back = await store.RecordBalanceAsync("", new Balance { Amount = 50m }, 50m, default);
        var belowAgain = await store.RecordBalanceAsync("", new Balance { Amount = 0m }, 50m, default);
        Assert.Equal([true, false, false, true], new[] { below, stillBelow, back, belowAgain }.Select(c => c.Alerted));
        Assert.Equal([false, false, true, false], new[] { below, stillBelow, back, belowAgain }.Select(c => c.Restored));
        Assert.Equal([true, true, false, true], new[] { below, stillBelow, back, belowAgain }.Select(c => c.Low));
        Assert.Equal(49.99m, stillBelow.PreviousBalance);

        var events = await DrainEventsAsync(store);
        Assert.Equal([OrderEventKind.LowBalance, OrderEventKind.BalanceRestored, OrderEventKind.LowBalance], events.Select(e => e.Kind));
        Assert.Equal(["panel::low_balance:1", "panel::balance_restored:1", "panel::low_balance:2"], events.Select(e => e.DedupeKey));
        Assert.Equal([49.99m, 50m, 0m], events.Select(e => e.Balance));
        Assert.All(events, e => Assert.Equal((0L, "", ""), (e.OrderId, e.IdempotencyKey, e.Panel)));
    }

    [Fact]
    public async Task Without_a_threshold_nothing_alerts_and_each_panel_keeps_its_own_crossing()
    {
        var store = CreateStore(Time);
        Assert.False((await store.RecordBalanceAsync("a", new Balance { Amount = 0m }, null, default)).Alerted);
        Assert.True((await store.RecordBalanceAsync("b", new Balance { Amount = 1m }, 5m, default)).Alerted);
        Assert.True((await store.RecordBalanceAsync("a", new Balance { Amount = 1m }, 5m, default)).Alerted);
        Assert.False((await store.RecordBalanceAsync("b", new Balance { Amount = 2m }, 5m, default)).Alerted);

        var events = await store.ReadPendingEventsAsync(100, default);
        Assert.Equal(["panel:b:low_balance:1", "panel:a:low_balance:1"], events.Select(e => e.DedupeKey));
        Assert.Equal(["b", "a"], events.Select(e => e.Panel));
    }

    [Fact]
    public async Task A_rise_in_balance_makes_the_panels_orders_waiting_for_funds_due_now_and_no_other()
    {
        var store = CreateStore(Time);
        await store.RecordBalanceAsync("", new Balance { Amount = 0.5m }, null, default);
        await store.AcceptAsync(Orders.New("funds"), default);
        await store.AcceptAsync(Orders.New("limited"), default);
        await store.AcceptAsync(new NewOrder { IdempotencyKey = "elsewhere", Panel = "other", ServiceId = 1, Link = "https://x/9", Quantity = 100, Price = 1m }, default);
        foreach (var lease in await store.ClaimDueAsync("a", 100, Lease, default))
        {
            var reason = lease.Order.IdempotencyKey == "limited" ? PlugsmmErrorReasons.RateLimited : PlugsmmErrorReasons.InsufficientFunds;
            Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Waiting, Reason = reason, DueIn = TimeSpan.FromHours(1) }, default));
        }

        Assert.Equal(0, (await store.RecordBalanceAsync("", new Balance { Amount = 0.4m }, null, default)).OrdersWoken); // spent, not topped up
        Assert.Empty(await store.ClaimDueAsync("a", 100, Lease, default));

        var topUp = await store.RecordBalanceAsync("", new Balance { Amount = 25m }, null, default);
        Assert.Equal((1, (decimal?)0.4m), (topUp.OrdersWoken, topUp.PreviousBalance));
        Assert.Equal(["funds"], (await store.ClaimDueAsync("a", 100, Lease, default)).Select(l => l.Order.IdempotencyKey));
    }
}
