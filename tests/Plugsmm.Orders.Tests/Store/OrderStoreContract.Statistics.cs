namespace Plugsmm.Orders.Tests;

/// <summary>The statistics part of the store contract: counts of orders not final per panel and state, queue age, tracking due.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task An_empty_store_has_no_statistics()
    {
        var store = CreateStore(Time);

        Assert.Empty((await store.GetStatisticsAsync(default)).Panels);
    }

    [Fact]
    public async Task Statistics_count_orders_not_final_per_panel_and_state()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);
        var backup = Orders.New("k2");
        await store.AcceptAsync(new NewOrder { IdempotencyKey = backup.IdempotencyKey, Panel = "backup", ServiceId = backup.ServiceId, Link = backup.Link, Quantity = backup.Quantity, Price = backup.Price }, default);
        await PlaceAsync(store, "k3", 103, TimeSpan.FromMinutes(1));   // claims k1 and k2 too, then places k3
        var leases = await store.ClaimDueAsync("a", 100, Lease, default);
        Assert.Empty(leases); // k1 and k2 are leased by the placer until the lease ends
        Time.Advance(Lease);
        leases = await store.ClaimDueAsync("a", 100, Lease, default);
        var k1 = leases.Single(l => l.Order.IdempotencyKey == "k1");
        var k2 = leases.Single(l => l.Order.IdempotencyKey == "k2");
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = k1, State = LocalOrderState.Waiting, Event = OrderEventKind.Waiting, Reason = "insufficient_funds", DueIn = TimeSpan.FromMinutes(1) }, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = k2, State = LocalOrderState.Failed, Event = OrderEventKind.Failed, Reason = "quantity_below_min" }, default));
        await store.AcceptAsync(Orders.New("k4"), default);

        var statistics = await store.GetStatisticsAsync(default);

        Assert.Equal([string.Empty], statistics.Panels.Select(p => p.Panel)); // backup's only order is final
        var panel = statistics.Panels[0];
        Assert.Equal(
            [(LocalOrderState.Accepted, 1L), (LocalOrderState.Waiting, 1L), (LocalOrderState.Placed, 1L)],
            panel.Active.Where(s => s.Value > 0).OrderBy(s => s.Key).Select(s => (s.Key, s.Value)));
        Assert.Equal(0, panel.Unresolved);
        Assert.Null(panel.OldestUnresolvedAt);
    }

    [Fact]
    public async Task Statistics_give_the_resolution_queue_its_length_and_oldest_order()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);
        var first = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = first, State = LocalOrderState.Unknown, Event = OrderEventKind.OutcomeUnknown, Reason = "timeout" }, default));
        var queuedAt = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.AcceptAsync(Orders.New("k2"), default);
        var second = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = second, State = LocalOrderState.Unknown, Event = OrderEventKind.OutcomeUnknown, Reason = "timeout" }, default));

        var panel = Assert.Single((await store.GetStatisticsAsync(default)).Panels);
        Assert.Equal((2L, queuedAt), (panel.Unresolved, panel.OldestUnresolvedAt));

        await store.ResolveAsync(first.Order.Id, null, default);
        panel = Assert.Single((await store.GetStatisticsAsync(default)).Panels);
        Assert.Equal((1L, queuedAt + TimeSpan.FromMinutes(5)), (panel.Unresolved, panel.OldestUnresolvedAt));
    }

    [Fact]
    public async Task Statistics_give_the_earliest_next_poll_of_a_tracked_order()
    {
        var store = CreateStore(Time);
        var placedAt = Time.GetUtcNow();
        await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(2));
        await PlaceAsync(store, "k2", 102, TimeSpan.FromSeconds(30));

        var panel = Assert.Single((await store.GetStatisticsAsync(default)).Panels);
        Assert.Equal(placedAt + TimeSpan.FromSeconds(30), panel.EarliestTrackingDueAt);

        Time.Advance(TimeSpan.FromSeconds(30));
        var lease = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = lease, State = LocalOrderState.Completed, Event = OrderEventKind.Completed, ProviderStatus = "Completed", Polls = 1 }, default));

        panel = Assert.Single((await store.GetStatisticsAsync(default)).Panels);
        Assert.Equal((1L, placedAt + TimeSpan.FromMinutes(2)), (panel.Active[LocalOrderState.Placed], panel.EarliestTrackingDueAt));
    }
}
