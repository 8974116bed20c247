namespace Plugsmm.Orders.Tests;

/// <summary>The refill part of the store contract: the request, claims of due refills, fenced refill steps.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task A_refill_request_is_recorded_with_its_event_once_and_only_for_a_completed_order()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RequestRefillAsync(placed.Order.Id, default)); // placed, not completed
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RequestRefillAsync(999, default));
        await CompleteAsync(store);
        await DrainEventsAsync(store);

        var requested = await store.RequestRefillAsync(placed.Order.Id, default);
        Assert.Equal((RefillRequestState.Requested, LocalOrderState.Completed), (requested.Refill!.Value, requested.State));
        Assert.Equal(requested.Version, (await store.RequestRefillAsync(placed.Order.Id, default)).Version); // idempotent while requested
        var e = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal((OrderEventKind.RefillRequested, $"{placed.Order.Id}:refill_requested:{requested.Version}"), (e.Kind, e.DedupeKey));
    }

    [Fact]
    public async Task Refill_steps_are_fenced_carry_the_refill_id_and_a_pending_refill_is_claimed_again_only_when_due()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await CompleteAsync(store);
        Assert.Empty(await store.ClaimRefillsAsync("a", string.Empty, 100, Lease, default));
        await store.RequestRefillAsync(placed.Order.Id, default);
        await DrainEventsAsync(store);

        Assert.Empty(await store.ClaimRefillsAsync("a", "other-panel", 100, Lease, default));
        var lease = Assert.Single(await store.ClaimRefillsAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordRefillAsync(new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Sending, KeepLease = true }, default));
        Assert.Empty(await store.ClaimRefillsAsync("b", string.Empty, 100, Lease, default));
        var accepted = new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Pending, Event = OrderEventKind.RefillAccepted, RefillId = 501, DueIn = TimeSpan.FromMinutes(1) };
        Assert.True(await store.RecordRefillAsync(accepted, default));
        Assert.False(await store.RecordRefillAsync(accepted, default)); // the lease is released

        var pending = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal((RefillRequestState.Pending, 501L), (pending.Refill!.Value, pending.RefillId!.Value));
        var e = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal((OrderEventKind.RefillAccepted, 501L, LocalOrderState.Completed), (e.Kind, e.RefillId!.Value, e.State));

        Assert.Empty(await store.ClaimRefillsAsync("a", string.Empty, 100, Lease, default));
        Time.Advance(TimeSpan.FromMinutes(1));
        var poll = Assert.Single(await store.ClaimRefillsAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordRefillAsync(new OrderRefillRecord { Lease = poll, Refill = RefillRequestState.Completed, Event = OrderEventKind.RefillCompleted, ProviderStatus = "Completed", Polls = 1 }, default));
        Assert.Empty(await store.ClaimRefillsAsync("a", string.Empty, 100, Lease, default));
        var done = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal((RefillRequestState.Completed, "Completed", 501L, 1), (done.Refill!.Value, done.RefillStatus!, done.RefillId!.Value, done.RefillPolls));
    }

    [Fact]
    public async Task A_refill_left_sending_is_claimed_once_its_lease_ran_out_and_a_stale_fence_writes_nothing()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await CompleteAsync(store);
        await store.RequestRefillAsync(placed.Order.Id, default);
        var lease = Assert.Single(await store.ClaimRefillsAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordRefillAsync(new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Sending, KeepLease = true }, default));

        Time.Advance(Lease);
        var stale = Assert.Single(await store.ClaimRefillsAsync("b", string.Empty, 100, Lease, default));
        Assert.Equal(RefillRequestState.Sending, stale.Order.Refill);
        Assert.False(await store.RecordRefillAsync(new OrderRefillRecord { Lease = lease, Refill = RefillRequestState.Pending, RefillId = 501 }, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimRefillsAsync("a", string.Empty, 101, Lease, default));
    }

    /// <summary>Tracks the one placed order to completed.</summary>
    private async Task CompleteAsync(IOrderStore store)
    {
        Time.Advance(TimeSpan.FromMinutes(5));
        var lease = Assert.Single(await store.ClaimTrackingAsync("t", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = lease, State = LocalOrderState.Completed, Event = OrderEventKind.Completed, ProviderStatus = "Completed", Polls = 1 }, default));
    }
}
