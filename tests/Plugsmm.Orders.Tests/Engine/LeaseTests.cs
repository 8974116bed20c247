namespace Plugsmm.Orders.Tests;

/// <summary>Two engines over one SQLite file: the lease decides who writes, and a stale fence writes nothing.</summary>
public sealed class LeaseTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task An_engine_whose_lease_ran_out_during_add_writes_nothing_and_the_order_waits_for_an_operator()
    {
        var slowPanel = new GatedClient();
        var slow = _harness.NewEngine("slow", client: slowPanel);
        var other = _harness.NewEngine("other", client: new GatedClient());
        var order = await slow.AcceptAsync(Orders.New("k1"));

        var slowStep = slow.RunOnceAsync(default);
        await slowPanel.Entered.Task;
        Assert.Equal(1, await other.RunOnceAsync(default)); // only the accepted event: the order is leased
        _harness.Time.Advance(_harness.Options.LeaseDuration);
        await EngineHarness.RunUntilIdleAsync(other);
        Assert.Equal(LocalOrderState.Unknown, (await other.FindAsync("k1"))!.State);

        slowPanel.Answer(777);
        await slowStep;
        await EngineHarness.RunUntilIdleAsync(slow);

        var stored = await other.FindAsync("k1");
        Assert.Equal((LocalOrderState.Unknown, (long?)null), (stored!.State, stored.ProviderOrderId));
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Placed);
        Assert.Equal(1, slowPanel.Adds);

        // The operator, told by the critical log line, resolves it with the id the slow engine got.
        await other.ResolveAsPlacedAsync(order.Id, 777);
        Assert.Equal(777, (await other.FindAsync("k1"))!.ProviderOrderId);
    }

    [Fact]
    public async Task Two_engines_over_one_file_place_each_order_once()
    {
        var a = _harness.NewEngine("a");
        var b = _harness.NewEngine("b");
        for (var i = 0; i < 30; i++)
        {
            await a.AcceptAsync(Orders.New("k" + i));
        }

        _harness.Options.BatchSize = 5;
        var small = new[] { _harness.NewEngine("a5"), _harness.NewEngine("b5") };
        await Task.WhenAll(small.Select(e => Task.Run(() => EngineHarness.RunUntilIdleAsync(e))));
        await EngineHarness.RunUntilIdleAsync(b);

        Assert.Equal(30, _harness.Panel.Orders.Count);
        Assert.Equal(30, _harness.Panel.Orders.Select(o => o.Link).Distinct().Count());
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
