using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// Engine paths where time or an older store could once cost money: an <c>add</c> about to leave under a lease that
/// ran out, a pacer hold longer than a lease, a store written before cancels and refills.
/// </summary>
public sealed class EngineEdgeTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task No_add_leaves_under_a_lease_that_ran_out_so_another_host_places_the_order_once()
    {
        _harness.Options.BatchSize = 2;
        _harness.Options.MaxConcurrentPlacements = 1;
        var slowPanel = new SlowFirstAddClient(_harness.Client);
        var slow = _harness.NewEngine("slow", client: slowPanel);
        var other = _harness.NewEngine("other");
        await slow.AcceptAsync(Orders.New("k1"));
        var k2 = await slow.AcceptAsync(Orders.New("k2"));

        var slowStep = slow.RunOnceAsync(default);
        await slowPanel.FirstEntered.Task;                   // k1's add is slow: the batch's lease runs out meanwhile
        _harness.Time.Advance(_harness.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        slowPanel.ReleaseFirst();
        await slowStep;                                      // k1 placed; k2's "placing" refused: nothing sent for it

        Assert.Equal(1, slowPanel.Adds);
        Assert.Equal(0, _harness.PanelOrdersFor(k2.Link));
        await EngineHarness.RunUntilIdleAsync(other);        // the other host claims k2 (accepted, lease ran out) and places it
        Assert.Equal(LocalOrderState.Placed, (await other.FindAsync("k2"))!.State);
        Assert.Equal(1, _harness.PanelOrdersFor(k2.Link));
        Assert.Empty(await other.ListUnresolvedAsync());
    }

    [Fact]
    public async Task An_add_whose_paced_turn_is_further_than_half_the_lease_is_not_sent_and_the_order_waits()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(60, time);
        var inner = new SlowFirstAddClient(_harness.Client);
        var paced = new PacedPlugsmmClient(inner, pacer, TimeSpan.FromMinutes(5));
        pacer.Hold(TimeSpan.FromHours(1));                   // a 429 asked for an hour

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => paced.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x/1", Quantity = 100 }));

        Assert.Equal(("paced_turn_too_far", false, PlugsmmErrorKind.Transient), (error.Reason, error.OutcomeUnknown, error.Kind));
        Assert.Equal(0, inner.Adds);
        Assert.Equal(LocalOrderState.Waiting, AddOutcome.Of(error).State);
        var read = paced.GetBalanceAsync();                  // a read waits its turn instead
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(100m, (await read).Amount);
    }

    [Fact]
    public async Task A_store_written_before_cancels_and_refills_still_places_tracks_and_delivers()
    {
        var engine = _harness.NewEngine("a", wrapStore: s => new MinimalStore(s));
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal(LocalOrderState.Completed, (await engine.FindAsync("k1"))!.State);
        Assert.Equal([OrderEventKind.Accepted, OrderEventKind.Placed, OrderEventKind.Completed], _harness.Handler.Handled.Select(e => e.Kind));
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>The panel's client whose first <c>add</c> waits at a gate the test opens.</summary>
    private sealed class SlowFirstAddClient(IPlugsmmClient inner) : ForwardingClient(inner)
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Adds { get; private set; }

        public void ReleaseFirst() => _first.SetResult();

        public override async Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default)
        {
            if (++Adds == 1)
            {
                FirstEntered.SetResult();
                await _first.Task;
            }

            return await Inner.AddOrderAsync(order, cancellationToken);
        }
    }
}
