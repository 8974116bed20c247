using Microsoft.Extensions.Time.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// The contract every <see cref="IOrderStore"/> keeps. A store's test class derives from this one and makes stores
/// on the given clock (two made by one test share one database: two hosts).
/// </summary>
public abstract partial class OrderStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A store over this test's database (the same database for every call within a test).</summary>
    protected abstract IOrderStore CreateStore(TimeProvider time);

    [Fact]
    public async Task The_same_key_twice_is_the_same_order_with_one_accepted_event()
    {
        var store = CreateStore(Time);
        var first = await store.AcceptAsync(Orders.New("k1"), default);
        var second = await store.AcceptAsync(Orders.New("k1"), default);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(LocalOrderState.Accepted, second.State);
        var events = await store.ReadPendingEventsAsync(100, default);
        var accepted = Assert.Single(events);
        Assert.Equal(OrderEventKind.Accepted, accepted.Kind);
        Assert.Equal($"{first.Id}:accepted:0", accepted.DedupeKey);
        Assert.Equal("k1", accepted.IdempotencyKey);
    }

    [Fact]
    public async Task The_same_key_with_another_order_is_refused_naming_the_key()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);

        var error = await Assert.ThrowsAsync<IdempotencyConflictException>(() => store.AcceptAsync(Orders.New("k1", quantity: 2000), default));
        Assert.Equal("k1", error.IdempotencyKey);
        Assert.Contains("'k1'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => store.AcceptAsync(Orders.New("k1", price: 2.51m), default));
    }

    [Fact]
    public async Task An_accepted_order_keeps_every_field_and_digit()
    {
        var store = CreateStore(Time);
        var order = await store.AcceptAsync(Orders.New("k1", link: "https://t.me/x?a=1&b=ü", quantity: 1234, price: 0.0801165565m), default);
        var read = await store.GetAsync(order.Id, default);

        Assert.NotNull(read);
        Assert.Equal("https://t.me/x?a=1&b=ü", read.Link);
        Assert.Equal(1234, read.Quantity);
        Assert.Equal(0.0801165565m, read.Price);
        Assert.Equal(0m, read.RefundedAmount);
        Assert.Equal(Time.GetUtcNow(), read.CreatedAt);
        Assert.Equal(order.Id, (await store.FindAsync("k1", default))!.Id);
        Assert.Null(await store.FindAsync("nope", default));
    }

    [Fact]
    public async Task A_claim_sets_owner_and_expiry_from_the_stores_clock_and_increments_the_fence()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);

        var first = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.Equal("a", first.Owner);
        Assert.Equal(Time.GetUtcNow() + Lease, first.ExpiresAt);
        Assert.Empty(await store.ClaimDueAsync("b", 100, Lease, default));

        Time.Advance(Lease);
        var second = Assert.Single(await store.ClaimDueAsync("b", 100, Lease, default));
        Assert.Equal(first.Fence + 1, second.Fence);
    }

    [Fact]
    public async Task A_stale_fence_writes_nothing_and_says_so()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);
        var stale = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var current = Assert.Single(await store.ClaimDueAsync("b", 100, Lease, default));
        await DrainEventsAsync(store);

        var written = await store.TransitionAsync(new OrderTransition { Lease = stale, State = LocalOrderState.Placed, Event = OrderEventKind.Placed, ProviderOrderId = 7 }, default);

        Assert.False(written);
        var order = await store.GetAsync(stale.Order.Id, default);
        Assert.Equal(LocalOrderState.Accepted, order!.State);
        Assert.Null(order.ProviderOrderId);
        Assert.Empty(await store.ReadPendingEventsAsync(100, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = current, State = LocalOrderState.Placed, Event = OrderEventKind.Placed, ProviderOrderId = 7 }, default));
    }

    [Fact]
    public async Task A_transition_and_its_event_are_written_together_and_a_released_lease_writes_no_more()
    {
        var store = CreateStore(Time);
        var order = await store.AcceptAsync(Orders.New("k1"), default);
        await DrainEventsAsync(store);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));

        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Placing, Attempts = 1, KeepLease = true }, default));
        Assert.Empty(await store.ReadPendingEventsAsync(100, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Placed, Event = OrderEventKind.Placed, ProviderOrderId = 42, Attempts = 1 }, default));

        var placed = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal($"{order.Id}:placed:2", placed.DedupeKey);
        Assert.Equal(42, placed.ProviderOrderId);
        Assert.Equal(LocalOrderState.Placed, placed.State);
        var stored = await store.GetAsync(order.Id, default);
        Assert.Equal((LocalOrderState.Placed, 42L, 1, 2L), (stored!.State, stored.ProviderOrderId!.Value, stored.Attempts, stored.Version));
        Assert.False(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Failed }, default));
    }

    [Fact]
    public async Task Refunds_accumulate_and_never_exceed_the_price()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1", price: 3m), default);
        await DrainEventsAsync(store);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Waiting, Refund = 1m, KeepLease = true, Event = OrderEventKind.Waiting }, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Failed, Refund = 3m, Event = OrderEventKind.Failed }, default));

        Assert.Equal(3m, (await store.GetAsync(lease.Order.Id, default))!.RefundedAmount);
        var events = new List<OrderEvent>();
        for (var batch = await store.ReadPendingEventsAsync(100, default); batch.Count > 0; batch = await store.ReadPendingEventsAsync(100, default))
        {
            events.AddRange(batch);
            foreach (var e in batch)
            {
                await store.AckEventAsync(e.Sequence, default);
            }
        }

        Assert.Equal([1m, 2m], events.Select(e => e.RefundAmount));
    }

    [Fact]
    public async Task A_placing_order_is_claimed_again_only_once_its_lease_expired()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Placing, Attempts = 1, KeepLease = true }, default));
        await store.AcceptAsync(Orders.New("k2", link: lease.Order.Link), default);

        Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await store.ClaimDueAsync("b", 100, Lease, default));
        Time.Advance(TimeSpan.FromSeconds(1));
        var recovered = Assert.Single(await store.ClaimDueAsync("b", 100, Lease, default));
        Assert.Equal(LocalOrderState.Placing, recovered.Order.State);
        Assert.Equal("k1", recovered.Order.IdempotencyKey);
    }

    [Fact]
    public async Task A_waiting_order_is_claimed_when_due_on_the_stores_clock()
    {
        var store = CreateStore(Time);
        await store.AcceptAsync(Orders.New("k1"), default);
        var lease = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Waiting, Reason = "insufficient_funds", DueIn = TimeSpan.FromMinutes(1) }, default));

        Assert.Empty(await store.ClaimDueAsync("a", 100, Lease, default));
        Time.Advance(TimeSpan.FromMinutes(1));
        var again = Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default));
        Assert.Equal(("insufficient_funds", LocalOrderState.Waiting), (again.Order.Reason, again.Order.State));
    }

    [Fact]
    public async Task Resolving_fences_out_earlier_leases_and_refuses_what_is_not_unknown()
    {
        var store = CreateStore(Time);
        var order = await store.AcceptAsync(Orders.New("k1"), default);
        var other = await store.AcceptAsync(Orders.New("k2"), default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ResolveAsync(order.Id, 5, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ResolveAsync(999, null, default));
        var leases = await store.ClaimDueAsync("a", 100, Lease, default);
        foreach (var lease in leases)
        {
            Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Placing, KeepLease = true }, default));
            Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Unknown, KeepLease = true, Event = OrderEventKind.OutcomeUnknown }, default));
        }

        var placed = await store.ResolveAsync(order.Id, 5, default);
        Assert.Equal((LocalOrderState.Placed, 5L), (placed.State, placed.ProviderOrderId!.Value));
        Assert.False(await store.TransitionAsync(new OrderTransition { Lease = leases[0], State = LocalOrderState.Failed }, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ResolveAsync(order.Id, 5, default));
        var taken = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ResolveAsync(other.Id, 5, default));
        Assert.Contains("already recorded", taken.Message, StringComparison.Ordinal);

        var requeued = await store.ResolveAsync(other.Id, null, default);
        Assert.Equal(LocalOrderState.Accepted, requeued.State);
        Assert.Equal(other.Id, Assert.Single(await store.ClaimDueAsync("a", 100, Lease, default)).Order.Id);
    }

    [Fact]
    public async Task Events_come_in_order_one_per_order_until_acknowledged_and_a_deferred_one_waits()
    {
        var store = CreateStore(Time);
        var one = await store.AcceptAsync(Orders.New("k1"), default);
        var two = await store.AcceptAsync(Orders.New("k2"), default);
        var lease = (await store.ClaimDueAsync("a", 100, Lease, default)).Single(l => l.Order.Id == one.Id);
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Failed, Event = OrderEventKind.Failed }, default));

        var first = await store.ReadPendingEventsAsync(100, default);
        Assert.Equal([(one.Id, OrderEventKind.Accepted), (two.Id, OrderEventKind.Accepted)], first.Select(e => (e.OrderId, e.Kind)));
        await store.DeferEventAsync(first[0].Sequence, TimeSpan.FromSeconds(10), default);
        await store.AckEventAsync(first[1].Sequence, default);
        await store.AckEventAsync(first[1].Sequence, default);
        Assert.Empty(await store.ReadPendingEventsAsync(100, default));

        Time.Advance(TimeSpan.FromSeconds(10));
        var again = Assert.Single(await store.ReadPendingEventsAsync(100, default));
        Assert.Equal((first[0].DedupeKey, 1), (again.DedupeKey, again.PreviousAttempts));
        await store.AckEventAsync(again.Sequence, default);
        Assert.Equal(OrderEventKind.Failed, Assert.Single(await store.ReadPendingEventsAsync(100, default)).Kind);
    }

    [Fact]
    public async Task Two_stores_over_one_database_never_claim_the_same_order_at_once()
    {
        var a = CreateStore(Time);
        var b = CreateStore(Time);
        for (var i = 0; i < 40; i++)
        {
            await a.AcceptAsync(Orders.New("k" + i), default);
        }

        var claims = await Task.WhenAll(
            Task.Run(() => a.ClaimDueAsync("a", 25, Lease, default)),
            Task.Run(() => b.ClaimDueAsync("b", 25, Lease, default)));

        var ids = claims.SelectMany(c => c).Select(l => l.Order.Id).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
    }

    /// <summary>Reads and acknowledges every pending event, as a handler would (each order's and panel's one at a time).</summary>
    /// <returns>The events, in delivery order.</returns>
    private static async Task<List<OrderEvent>> DrainEventsAsync(IOrderStore store)
    {
        var events = new List<OrderEvent>();
        for (var batch = await store.ReadPendingEventsAsync(100, default); batch.Count > 0; batch = await store.ReadPendingEventsAsync(100, default))
        {
            foreach (var e in batch)
            {
                events.Add(e);
                await store.AckEventAsync(e.Sequence, default);
            }
        }

        return events;
    }
}
