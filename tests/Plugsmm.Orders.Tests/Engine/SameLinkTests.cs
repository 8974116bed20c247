namespace Plugsmm.Orders.Tests;

/// <summary>The same-link queue: a panel takes one active order per link, so the engine queues the others instead of meeting its refusal.</summary>
public sealed class SameLinkTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task A_second_order_on_a_link_waits_behind_the_first_and_is_placed_once_the_first_is_final()
    {
        var engine = _harness.NewEngine("a");
        var link = "https://instagram.com/queued";
        await engine.AcceptAsync(Orders.New("k1", link: link));
        var second = await engine.AcceptAsync(Orders.New("k2", link: link));
        Assert.Equal((LocalOrderState.Waiting, "queued_behind_link"), (second.State, second.Reason));

        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
        Assert.Equal(LocalOrderState.Waiting, (await engine.FindAsync("k2"))!.State);
        _harness.Time.Advance(TimeSpan.FromMinutes(5)); // k1 still delivering: polled, still active
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Waiting, (await engine.FindAsync("k2"))!.State);
        Assert.Equal(1, _harness.PanelOrdersFor(link));

        _harness.Time.Advance(TimeSpan.FromHours(1)); // k1 completes on the panel; the next poll finds it final
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Completed, (await engine.FindAsync("k1"))!.State);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k2"))!.State);
        Assert.Equal(2, _harness.PanelOrdersFor(link));
        Assert.Equal(2, _harness.Panel.Requests.Count(r => r.Action == "add")); // never sent to meet "active order with this link"
        Assert.Equal(
            [OrderEventKind.Accepted, OrderEventKind.Waiting, OrderEventKind.Placed],
            _harness.Handler.Handled.Where(e => e.OrderId == second.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task Orders_on_one_link_are_placed_one_at_a_time_in_the_order_they_were_accepted_while_other_links_go_on()
    {
        var engine = _harness.NewEngine("a");
        var link = "https://instagram.com/fifo";
        foreach (var quantity in new long[] { 300, 100, 200 })
        {
            await engine.AcceptAsync(Orders.New("q" + quantity, link: link, quantity: quantity));
        }

        await engine.AcceptAsync(Orders.New("other"));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("other"))!.State); // another link: not queued
        for (var round = 0; round < 6; round++)
        {
            _harness.Time.Advance(TimeSpan.FromHours(1));
            await EngineHarness.RunUntilIdleAsync(engine);
        }

        Assert.Equal([300L, 100L, 200L], _harness.Panel.Orders.Where(o => o.Link == link).Select(o => o.Quantity));
        Assert.Equal(3, _harness.Panel.Requests.Count(r => r.Action == "add" && r.Fields.GetValueOrDefault("link") == link));
    }

    [Fact]
    public async Task An_order_behind_an_unknown_one_waits_until_the_operator_resolves_it()
    {
        _harness.Panel.Faults.Next(Plugsmm.Client.Testing.PanelFault.DropAfterProcessing, action: "add");
        var engine = _harness.NewEngine("a");
        var link = "https://instagram.com/unknown";
        var first = await engine.AcceptAsync(Orders.New("k1", link: link));
        await EngineHarness.RunUntilIdleAsync(engine);
        await engine.AcceptAsync(Orders.New("k2", link: link));
        _harness.Time.Advance(TimeSpan.FromDays(1));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Waiting, (await engine.FindAsync("k2"))!.State);

        await engine.ResolveAsPlacedAsync(first.Id, _harness.Panel.Orders.Single(o => o.Link == link).Id);
        await EngineHarness.RunUntilIdleAsync(engine); // polled at once: completed a day ago; then k2 goes
        Assert.Equal(LocalOrderState.Completed, (await engine.FindAsync("k1"))!.State);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k2"))!.State);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
