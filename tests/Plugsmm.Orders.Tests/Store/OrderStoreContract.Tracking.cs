namespace Plugsmm.Orders.Tests;

/// <summary>The tracking part of the store contract: claims of due tracked orders per panel, fenced status records.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task A_tracking_claim_takes_due_tracked_orders_of_one_panel_at_most_the_batch_leased_and_fenced()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromSeconds(30));
        await PlaceAsync(store, "k2", 102, TimeSpan.FromSeconds(30));
        await PlaceAsync(store, "k3", 103, TimeSpan.FromMinutes(5));
        await store.AcceptAsync(Orders.New("k4"), default);   // not placed: not tracked

        Assert.Empty(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(await store.ClaimTrackingAsync("a", "other-panel", 100, Lease, default));
        var first = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 1, Lease, default));
        Assert.Equal((placed.Order.Id, placed.Fence + 1, Time.GetUtcNow()), (first.Order.Id, first.Fence, first.ClaimedAt));
        Assert.Equal([102L], (await store.ClaimTrackingAsync("b", string.Empty, 100, Lease, default)).Select(l => l.Order.ProviderOrderId!.Value));
        Assert.Empty(await store.ClaimTrackingAsync("b", string.Empty, 100, Lease, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimTrackingAsync("a", string.Empty, 101, Lease, default));

        Time.Advance(Lease);
        Assert.Equal(3, (await store.ClaimTrackingAsync("c", string.Empty, 100, Lease, default)).Count); // expired leases, and k3 due now
    }

    [Fact]
    public async Task A_batch_of_status_records_writes_each_under_its_own_fence_and_skips_only_a_stale_one()
    {
        var store = CreateStore(Time);
        await PlaceAsync(store, "k1", 101, TimeSpan.Zero);
        await PlaceAsync(store, "k2", 102, TimeSpan.Zero);
        await PlaceAsync(store, "k3", 103, TimeSpan.Zero);
        await DrainEventsAsync(store);
        var leases = await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default);
        Time.Advance(Lease);
        var stolen = Assert.Single(await store.ClaimTrackingAsync("b", string.Empty, 1, Lease, default)); // k1's lease ran out and moved on

        var written = await store.RecordStatusesAsync(
            [.. leases.Select(l => new OrderStatusRecord { Lease = l, State = LocalOrderState.Completed, Event = OrderEventKind.Completed, ProviderStatus = "Completed", Remains = 0 })],
            default);

        Assert.Equal([false, true, true], written);
        Assert.Equal(stolen.Order.Id, leases[0].Order.Id);
        Assert.Equal(LocalOrderState.Placed, (await store.FindAsync("k1", default))!.State);
        Assert.Equal([LocalOrderState.Completed, LocalOrderState.Completed], [(await store.FindAsync("k2", default))!.State, (await store.FindAsync("k3", default))!.State]);
        Assert.Equal(["k2", "k3"], (await store.ReadPendingEventsAsync(100, default)).Select(e => e.IdempotencyKey));
    }

    [Fact]
    public async Task A_status_record_writes_its_snapshot_refund_and_event_together_and_releases_the_lease()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.Zero);
        await DrainEventsAsync(store);
        var lease = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        var progress = new OrderStatusRecord
        {
            Lease = lease, State = LocalOrderState.Placed, Event = OrderEventKind.Progress, ProviderStatus = "In progress", StartCount = 1200, Remains = 600,
            ProviderCharge = 0.0801165565m, Polls = 1, DueIn = TimeSpan.FromMinutes(1),
        };
        Assert.True(await store.RecordStatusAsync(progress, default));
        Assert.False(await store.RecordStatusAsync(progress, default)); // the lease is released

        var order = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal((LocalOrderState.Placed, "In progress", 1200L, 600L, 0.0801165565m, 1), (order.State, order.ProviderStatus!, order.StartCount!.Value, order.Remains!.Value, order.ProviderCharge!.Value, order.Polls));
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromMinutes(1), order.NextPollAt);
        var e = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal(($"{placed.Order.Id}:progress:{order.Version}", 600L, "In progress", 101L), (e.DedupeKey, e.Remains!.Value, e.ProviderStatus!, e.ProviderOrderId!.Value));

        Time.Advance(TimeSpan.FromMinutes(1));
        var again = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = again, State = LocalOrderState.Placed, Polls = 2, DueIn = TimeSpan.FromMinutes(2) }, default));
        var kept = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal(("In progress", 600L, 0.0801165565m), (kept.ProviderStatus!, kept.Remains!.Value, kept.ProviderCharge!.Value)); // null keeps
    }

    [Fact]
    public async Task Status_refunds_accumulate_never_exceed_the_price_and_a_final_order_is_tracked_no_more()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.Zero);
        await DrainEventsAsync(store);
        var first = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = first, State = LocalOrderState.Placed, Event = OrderEventKind.Progress, Refund = 1.00m, DueIn = TimeSpan.Zero }, default));
        var second = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = second, State = LocalOrderState.Canceled, Event = OrderEventKind.Canceled, Refund = 5m, Remains = 1000 }, default));

        var order = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal((LocalOrderState.Canceled, 2.50m, (DateTimeOffset?)null), (order.State, order.RefundedAmount, order.NextPollAt));
        var events = new List<OrderEvent>();
        for (var batch = await store.ReadPendingEventsAsync(100, default); batch.Count > 0; batch = await store.ReadPendingEventsAsync(100, default))
        {
            events.AddRange(batch);
            foreach (var e in batch)
            {
                await store.AckEventAsync(e.Sequence, default);
            }
        }

        Assert.Equal([(OrderEventKind.Progress, 1.00m), (OrderEventKind.Canceled, 1.50m)], events.Select(e => (e.Kind, e.RefundAmount)));
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Assert.False(await store.RecordStatusAsync(new OrderStatusRecord { Lease = second, State = LocalOrderState.Partial, Refund = 1m }, default));
    }

    [Fact]
    public async Task A_stale_tracking_fence_writes_nothing_and_a_resolved_order_is_tracked_at_once()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.Zero);
        var stale = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
        Time.Advance(Lease);
        var current = Assert.Single(await store.ClaimTrackingAsync("b", string.Empty, 100, Lease, default));
        await DrainEventsAsync(store);

        Assert.False(await store.RecordStatusAsync(new OrderStatusRecord { Lease = stale, State = LocalOrderState.Partial, Event = OrderEventKind.Partial, Refund = 1m }, default));
        Assert.Equal((LocalOrderState.Placed, 0m), ((await store.GetAsync(placed.Order.Id, default))!.State, (await store.GetAsync(placed.Order.Id, default))!.RefundedAmount));
        Assert.Empty(await store.ReadPendingEventsAsync(100, default));
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = current, State = LocalOrderState.Completed, Event = OrderEventKind.Completed }, default));

        var unknown = await store.AcceptAsync(Orders.New("k2"), default);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Unknown, Event = OrderEventKind.OutcomeUnknown }, default));
        var resolved = await store.ResolveAsync(unknown.Id, 555, default);
        Assert.Equal((Time.GetUtcNow(), Time.GetUtcNow()), (resolved.PlacedAt!.Value, resolved.NextPollAt!.Value));
        Assert.Equal(555, Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default)).Order.ProviderOrderId);
    }

    /// <summary>An order accepted, claimed and placed as <paramref name="providerOrderId"/>, first poll due in <paramref name="dueIn"/>.</summary>
    private static async Task<OrderLease> PlaceAsync(IOrderStore store, string key, long providerOrderId, TimeSpan dueIn)
    {
        var order = await store.AcceptAsync(Orders.New(key), default);
        var lease = (await store.ClaimDueAsync("placer", 100, Lease, default)).Single(l => l.Order.Id == order.Id);
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Placed, Event = OrderEventKind.Placed, ProviderOrderId = providerOrderId, DueIn = dueIn }, default));
        var placed = (await store.GetAsync(order.Id, default))!;
        Assert.NotNull(placed.PlacedAt);
        return new OrderLease { Order = placed, Owner = lease.Owner, Fence = lease.Fence, ExpiresAt = lease.ExpiresAt };
    }
}
