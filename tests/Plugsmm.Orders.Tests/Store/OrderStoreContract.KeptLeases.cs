using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// The contract around writes that keep their lease (a request is sent under it next), cancels left when their order
/// ends, and the order of a panel's events.
/// </summary>
public abstract partial class OrderStoreContract
{
    [Fact]
    public async Task A_write_that_keeps_its_lease_is_refused_once_the_lease_ran_out_and_renews_it_while_it_runs()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);
        await store.AcceptAsync(Orders.New("k2"), default);
        var leases = await store.ClaimDueAsync("a", 100, Lease, default);

        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = leases[0], State = LocalOrderState.Placing, Attempts = 1, KeepLease = true }, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await store.TransitionAsync(new OrderTransition { Lease = leases[1], State = LocalOrderState.Placing, Attempts = 1, KeepLease = true }, default)); // ran out: nothing may be sent under it

        // k1's lease was renewed by its "placing" write: another host cannot take it for interrupted yet; k2 is free.
        Assert.Equal(["k2"], (await store.ClaimDueAsync("b", 100, Lease, default)).Select(l => l.Order.IdempotencyKey));
        Time.Advance(Lease - TimeSpan.FromSeconds(2));
        Assert.Empty(await store.ClaimDueAsync("b", 100, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        var late = Assert.Single(await store.ClaimDueAsync("b", 100, Lease, default));
        Assert.Equal((LocalOrderState.Placing, "k1"), (late.Order.State, late.Order.IdempotencyKey));
    }

    [Theory]
    [InlineData(LocalOrderState.Completed, OrderEventKind.Completed, CancelState.Refused)]
    [InlineData(LocalOrderState.Canceled, OrderEventKind.Canceled, CancelState.Accepted)]
    public async Task A_cancel_still_requested_when_its_order_ends_ends_with_it(LocalOrderState final, OrderEventKind kind, CancelState cancel)
    {
        var store = CreateStore(Time);
        var placed = await PlaceAsync(store, "k1", 101, TimeSpan.FromMinutes(5));
        await store.RequestCancelAsync(placed.Order.Id, default);
        await DrainEventsAsync(store);
        Time.Advance(TimeSpan.FromMinutes(5));
        var lease = Assert.Single(await store.ClaimTrackingAsync("a", string.Empty, 100, Lease, default));

        Assert.True(await store.RecordStatusAsync(new OrderStatusRecord { Lease = lease, State = final, Event = kind }, default));

        var ended = (await store.GetAsync(placed.Order.Id, default))!;
        Assert.Equal(cancel, ended.Cancel);
        Assert.Empty(await store.ClaimCancelsAsync("a", string.Empty, 100, Lease, default));
        var events = await DrainEventsAsync(store);

        OrderEventKind[] expected = cancel == CancelState.Refused ? [kind, OrderEventKind.CancelRefused] : [kind];
        Assert.Equal(expected, events.Select(e => e.Kind));
        Assert.Equal(cancel == CancelState.Refused ? "order_finished" : null, ended.CancelReason);
    }

    [Fact]
    public async Task A_panels_events_are_read_in_order_one_at_a_time_like_an_orders()
    {
        var store = CreateStore(Time);
        await store.RecordBalanceAsync("p", new Balance { Amount = 1m }, 5m, default);
        await store.RecordBalanceAsync("p", new Balance { Amount = 9m }, 5m, default);
        await store.RecordBalanceAsync("q", new Balance { Amount = 1m }, 5m, default);

        var first = await store.ReadPendingEventsAsync(100, default);
        Assert.Equal([("p", OrderEventKind.LowBalance), ("q", OrderEventKind.LowBalance)], first.Select(e => (e.Panel, e.Kind)));
        await store.DeferEventAsync(first[0].Sequence, TimeSpan.FromMinutes(1), default);
        Assert.DoesNotContain(await store.ReadPendingEventsAsync(100, default), e => e.Panel == "p"); // BalanceRestored waits behind the deferred alert
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.AckEventAsync(first[0].Sequence, default);
        Assert.Equal(OrderEventKind.BalanceRestored, Assert.Single(await store.ReadPendingEventsAsync(100, default), e => e.Panel == "p").Kind);
    }
}
