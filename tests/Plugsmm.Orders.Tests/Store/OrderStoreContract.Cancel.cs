namespace Plugsmm.Orders.Tests;

/// <summary>The cancel part of the store contract: the request, claims of due cancels, fenced cancel steps.</summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task A_cancel_request_is_recorded_with_its_event_once_and_only_for_a_tracked_order()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        var accepted = await store.AcceptAsync(Orders.New("k2"), default);
        await DrainEventsAsync(store);

        var requested = await store.RequestCancelAsync(placed.Order.Id, default);
        Assert.Equal((CancelState.Requested, LocalOrderState.Placed, 0m), (requested.Cancel!.Value, requested.State, requested.RefundedAmount));
        var again = await store.RequestCancelAsync(placed.Order.Id, default);
        Assert.Equal(requested.Version, again.Version); // idempotent: no second event
        var e = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal((OrderEventKind.CancelRequested, $"{placed.Order.Id}:cancel_requested:{requested.Version}", 101L), (e.Kind, e.DedupeKey, e.ProviderOrderId!.Value));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RequestCancelAsync(accepted.Id, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RequestCancelAsync(999, default));
    }

    [Fact]
    public async Task A_cancel_claim_takes_requested_cancels_of_one_panel_leased_and_fenced_and_a_sending_one_only_once_its_lease_ran_out()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await PlaceAsync(store, "k2", 102, TimeSpan.FromMinutes(5));   // no cancel requested: not claimed
        Assert.Empty(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        await store.RequestCancelAsync(placed.Order.Id, default);

        Assert.Empty(await store.ClaimCancelsAsync("a", "other-panel", 100, Lease, default));
        var lease = Assert.Single(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        Assert.Equal((placed.Order.Id, placed.Fence + 1), (lease.Order.Id, lease.Fence));
        Assert.True(await store.RecordCancelAsync(new OrderCancelRecord { Lease = lease, Cancel = CancelState.Sending, KeepLease = true }, default));
        Assert.Empty(await store.ClaimCancelsAsync("b", string.Empty, 100, Lease, default));
        Assert.Empty(await store.ClaimTrackingAsync("b", string.Empty, 100, Lease, default)); // one writer per order

        Time.Advance(Lease);
        var stale = Assert.Single(await store.ClaimCancelsAsync("b", string.Empty, 100, Lease, default));
        Assert.Equal(CancelState.Sending, stale.Order.Cancel);
        Assert.False(await store.RecordCancelAsync(new OrderCancelRecord { Lease = lease, Cancel = CancelState.Accepted, Event = OrderEventKind.CancelAccepted }, default)); // stale fence
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ClaimCancelsAsync("a", string.Empty, 101, Lease, default));
    }

    [Fact]
    public async Task A_cancel_step_writes_its_state_reason_and_event_together_polls_at_once_and_refunds_nothing()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await store.RequestCancelAsync(placed.Order.Id, default);
        await DrainEventsAsync(store);
        var lease = Assert.Single(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordCancelAsync(new OrderCancelRecord { Lease = lease, Cancel = CancelState.Refused, Event = OrderEventKind.CancelRefused, Reason = "cancel_refused" }, default));
        Assert.False(await store.RecordCancelAsync(new OrderCancelRecord { Lease = lease, Cancel = CancelState.Accepted }, default)); // the lease is released

        var refused = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal((LocalOrderState.Placed, CancelState.Refused, "cancel_refused", 0m), (refused.State, refused.Cancel!.Value, refused.CancelReason!, refused.RefundedAmount));
        var e = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal((OrderEventKind.CancelRefused, "cancel_refused", 0m, LocalOrderState.Placed), (e.Kind, e.Reason!, e.RefundAmount, e.State));
        Assert.Empty(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));

        // A refused cancel may be requested again; an accepted one polls the order at once.
        Assert.Equal(CancelState.Requested, (await store.RequestCancelAsync(placed.Order.Id, default)).Cancel);
        var second = Assert.Single(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordCancelAsync(new OrderCancelRecord { Lease = second, Cancel = CancelState.Accepted, Event = OrderEventKind.CancelAccepted, PollNow = true }, default));
        Assert.Equal(Time.GetUtcNow(), (await store.GetAsync(placed.Order.Id, default))!.NextPollAt);
        Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));
    }

    [Fact]
    public async Task A_cancel_put_back_as_requested_is_claimed_again_only_when_due()
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await store.RequestCancelAsync(placed.Order.Id, default);
        var lease = Assert.Single(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        Assert.True(await store.RecordCancelAsync(new OrderCancelRecord { Lease = lease, Cancel = CancelState.Requested, Reason = "http_5xx", RetryIn = TimeSpan.FromSeconds(30) }, default));
        Assert.Empty(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
    }
}
