namespace Plugsmm.Orders.Tests;

/// <summary>The same-link queue in the store contract: one active order per panel and link, the rest queued oldest first.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task An_unresolved_order_blocks_its_panel_and_link_for_every_service_but_no_other_link()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1", link: "https://x/1"), default);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Unknown, Event = OrderEventKind.OutcomeUnknown }, default));
        await store.AcceptAsync(Orders.New("k2", link: "https://x/1"), default);
        await store.AcceptAsync(Orders.New("k3", link: "https://x/1", serviceId: 2), default);
        await store.AcceptAsync(Orders.New("k4", link: "https://x/2"), default);

        var claimed = await store.ClaimDueAsync("a", 100, Lease, default);
        Assert.Equal(["k4"], claimed.Select(l => l.Order.IdempotencyKey));
        Assert.Equal(["k1"], (await store.ListUnresolvedAsync(default)).Select(o => o.IdempotencyKey));

        await store.ResolveAsync(lease.Order.Id, null, default);
        Assert.Equal("k1", Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default)).Order.IdempotencyKey); // first in its link's queue
    }

    [Fact]
    public async Task A_batch_takes_at_most_its_size_and_a_links_orders_queue_behind_the_oldest()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1", link: "https://x/1"), default);
        await store.AcceptAsync(Orders.New("k2", link: "https://x/1"), default);
        for (var i = 3; i <= 6; i++)
        {
            await store.AcceptAsync(Orders.New("k" + i), default);
        }

        var claimed = await store.ClaimDueAsync("a", 3, Lease, default);
        Assert.Equal(["k1", "k3", "k4"], claimed.Select(l => l.Order.IdempotencyKey));
        Assert.Equal(["k5", "k6"], (await store.ClaimDueAsync("a", 3, Lease, default)).Select(l => l.Order.IdempotencyKey));

        // k2 waits behind k1 while k1 is to be placed, placed and tracked; once k1 is final, k2 is first in the queue.
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = claimed[0], State = LocalOrderState.Placed, Event = OrderEventKind.Placed, ProviderOrderId = 1, DueIn = TimeSpan.FromHours(1) }, default));
        Time.Advance(Lease);
        Assert.DoesNotContain(await store.ClaimDueAsync("a", 100, Lease, default), l => l.Order.IdempotencyKey == "k2");
        Time.Advance(TimeSpan.FromHours(1));
        var tracking = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Assert.DoesNotContain(await store.ClaimDueAsync("a", 100, Lease, default), l => l.Order.IdempotencyKey == "k2");
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = tracking, State = LocalOrderState.Completed, Event = OrderEventKind.Completed }, default));
        Assert.Equal("k2", Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default)).Order.IdempotencyKey);
    }

    [Fact]
    public async Task An_order_accepted_behind_another_on_its_link_waits_with_an_event_and_other_panels_do_not_queue_it()
    {
        var store = CreateStore(Time);
        var first = await store.AcceptAsync(Orders.New("k1", link: "https://x/1"), default);
        var second = await store.AcceptAsync(Orders.New("k2", link: "https://x/1"), default);
        var elsewhere = await store.AcceptAsync(new NewOrder { IdempotencyKey = "k3", Panel = "other", ServiceId = 1, Link = "https://x/1", Quantity = 100, Price = 1m }, default);

        Assert.Equal(LocalOrderState.Accepted, first.State);
        Assert.Equal((LocalOrderState.Waiting, "queued_behind_link"), (second.State, second.Reason));
        Assert.Equal(LocalOrderState.Accepted, elsewhere.State);
        var events = await DrainEventsAsync(store);

        Assert.Equal([OrderEventKind.Accepted], events.Where(e => e.OrderId == first.Id).Select(e => e.Kind));
        Assert.Equal([OrderEventKind.Accepted, OrderEventKind.Waiting], events.Where(e => e.OrderId == second.Id).Select(e => e.Kind));
        Assert.Equal("queued_behind_link", events.Last(e => e.OrderId == second.Id).Reason);
        Assert.Equal(["", "", "other"], events.Where(e => e.Kind == OrderEventKind.Accepted).Select(e => e.Panel));
        Assert.Equal(["k1", "k3"], (await store.ClaimDueAsync("a", 100, Lease, default)).Select(l => l.Order.IdempotencyKey).Order());
    }
}
