using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>A new engine over the same SQLite file picks up where the last one stopped.</summary>
public sealed class RestartTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task Orders_accepted_before_a_restart_are_placed_after_it()
    {
        var before = _harness.NewEngine("before");
        for (var i = 0; i < 5; i++)
        {
            await before.AcceptAsync(Orders.New("k" + i));
        }

        var after = _harness.NewEngine("after");
        await EngineHarness.RunUntilIdleAsync(after);

        Assert.Equal(5, _harness.Panel.Orders.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LocalOrderState.Placed, (await after.FindAsync("k" + i))!.State);
        }

        Assert.Equal(10, _harness.Handler.Handled.Count);
    }

    [Fact]
    public async Task An_order_left_placing_by_a_dead_engine_goes_to_the_resolution_queue_once_its_lease_runs_out()
    {
        var store = _harness.NewStore();
        await store.AcceptAsync(Orders.New("k1"), default);
        var lease = Assert.Single(await store.ClaimDueAsync("dead", 10, _harness.Options.LeaseDuration, default));
        Assert.True(await store.TransitionAsync(new OrderTransition { Lease = lease, State = LocalOrderState.Placing, Attempts = 1, KeepLease = true }, default));

        var after = _harness.NewEngine("after");
        await EngineHarness.RunUntilIdleAsync(after);
        Assert.Equal(LocalOrderState.Placing, (await after.FindAsync("k1"))!.State);

        _harness.Time.Advance(_harness.Options.LeaseDuration);
        await EngineHarness.RunUntilIdleAsync(after);
        var unknown = Assert.Single(await after.ListUnresolvedAsync());
        Assert.Equal("interrupted_while_placing", unknown.Reason);
        Assert.DoesNotContain(_harness.Panel.Requests, r => r.Action == "add");
    }

    [Fact]
    public async Task Waiting_orders_and_undelivered_events_survive_a_restart()
    {
        _harness.Panel.SetBalance(0m);
        var before = _harness.NewEngine("before");
        await before.AcceptAsync(Orders.New("k1"));
        _harness.Handler.FailNext(1000);
        await EngineHarness.RunUntilIdleAsync(before);
        Assert.Empty(_harness.Handler.Handled);

        _harness.Handler.FailNext(0);
        _harness.Panel.SetBalance(100m);
        _harness.Time.Advance(_harness.Options.MaxRetryDelay);
        var after = _harness.NewEngine("after");
        await EngineHarness.RunUntilIdleAsync(after);
        _harness.Time.Advance(_harness.Options.MaxRetryDelay);
        await EngineHarness.RunUntilIdleAsync(after);

        Assert.Equal(
            [OrderEventKind.Accepted, OrderEventKind.Waiting, OrderEventKind.Placed, OrderEventKind.Completed], // tracked to its end (30 minutes on)
            _harness.Handler.Handled.Select(e => e.Kind));
        Assert.Single(_harness.Panel.Orders);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
