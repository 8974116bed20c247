using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

public sealed class PlacementTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task An_accepted_order_is_placed_once_with_its_events()
    {
        var engine = _harness.NewEngine("a");
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);

        var placed = await engine.FindAsync("k1");
        var panelOrder = Assert.Single(_harness.Panel.Orders);
        Assert.Equal((LocalOrderState.Placed, panelOrder.Id, 1), (placed!.State, placed.ProviderOrderId!.Value, placed.Attempts));
        Assert.Equal(order.Link, panelOrder.Link);
        Assert.Equal(
            [$"{order.Id}:accepted:0", $"{order.Id}:placed:2"],
            _harness.Handler.Handled.Select(e => e.DedupeKey));
        Assert.Equal(panelOrder.Id, _harness.Handler.Handled[1].ProviderOrderId);
    }

    [Fact]
    public async Task A_definite_refusal_fails_the_order_with_a_full_refund_event()
    {
        var engine = _harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("k1", quantity: 10, price: 1.75m)); // below the service's minimum of 50
        await EngineHarness.RunUntilIdleAsync(engine);

        var failed = await engine.FindAsync("k1");
        Assert.Equal((LocalOrderState.Failed, "quantity_below_min", 1.75m), (failed!.State, failed.Reason, failed.RefundedAmount));
        var refund = _harness.Handler.Handled.Single(e => e.Kind == OrderEventKind.Failed);
        Assert.Equal(1.75m, refund.RefundAmount);
        Assert.Empty(_harness.Panel.Orders);
    }

    [Fact]
    public async Task An_order_refused_for_funds_waits_with_backoff_and_is_placed_after_a_top_up()
    {
        _harness.Panel.SetBalance(0m);
        var engine = _harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        var waiting = await engine.FindAsync("k1");
        Assert.Equal((LocalOrderState.Waiting, "insufficient_funds"), (waiting!.State, waiting.Reason));
        Assert.Equal(_harness.Time.GetUtcNow() + _harness.Options.RetryDelay, waiting.NextPollAt);

        _harness.Time.Advance(_harness.Options.RetryDelay);
        await EngineHarness.RunUntilIdleAsync(engine);
        var second = await engine.FindAsync("k1");
        Assert.Equal((LocalOrderState.Waiting, 2), (second!.State, second.Attempts));
        Assert.Equal(_harness.Time.GetUtcNow() + (2 * _harness.Options.RetryDelay), second.NextPollAt);

        _harness.Panel.SetBalance(100m);
        _harness.Time.Advance(2 * _harness.Options.RetryDelay);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
        Assert.Single(_harness.Panel.Orders);
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Waiting); // one event for the wait, not one per retry
    }

    [Fact]
    public async Task An_order_on_a_link_with_an_active_order_waits_instead_of_failing()
    {
        var engine = _harness.NewEngine("a");
        var link = "https://instagram.com/busy";
        await _harness.Client.AddOrderAsync(new Plugsmm.Client.DefaultOrder { ServiceId = 1, Link = link, Quantity = 1000 });
        await engine.AcceptAsync(Orders.New("k1", link: link));
        await EngineHarness.RunUntilIdleAsync(engine);

        var waiting = await engine.FindAsync("k1");
        Assert.Equal((LocalOrderState.Waiting, "active_order_for_link"), (waiting!.State, waiting.Reason));
        _harness.Time.Advance(TimeSpan.FromDays(1)); // the first order completes on the panel's clock
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
    }

    [Fact]
    public async Task A_rate_limited_order_waits_at_least_as_long_as_the_panel_asked()
    {
        _harness.Panel.Faults.Next(PanelFault.TooManyRequests(TimeSpan.FromMinutes(2)), action: "add");
        var engine = _harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);

        var waiting = await engine.FindAsync("k1");
        Assert.Equal((LocalOrderState.Waiting, "http_429"), (waiting!.State, waiting.Reason));
        Assert.Equal(_harness.Time.GetUtcNow() + TimeSpan.FromMinutes(2), waiting.NextPollAt);
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
    }

    [Fact]
    public async Task A_step_cancelled_while_add_is_in_flight_leaves_the_order_unknown()
    {
        var panel = new GatedClient();
        var engine = _harness.NewEngine("a", client: panel);
        await engine.AcceptAsync(Orders.New("k1"));
        using var stopping = new CancellationTokenSource();

        var step = engine.RunOnceAsync(stopping.Token);
        await panel.Entered.Task;
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step);

        var unknown = Assert.Single(await engine.ListUnresolvedAsync());
        Assert.Equal("canceled", unknown.Reason);
    }

    [Theory]
    [MemberData(nameof(FaultsAfterSending))]
    public async Task An_unknown_outcome_goes_to_the_resolution_queue_and_is_never_sent_again(string name)
    {
        _harness.Panel.Faults.Next(PanelFault.All.Concat([PanelFault.ServerErrorAfterProcessing(502)]).Single(f => f.ToString() == name), action: "add");
        var engine = _harness.NewEngine("a");
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(TimeSpan.FromDays(1));
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal(order.Id, Assert.Single(await engine.ListUnresolvedAsync()).Id);
        Assert.Single(_harness.Panel.Requests, r => r.Action == "add");
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.OutcomeUnknown);
    }

    public static TheoryData<string> FaultsAfterSending() =>
        [.. PanelFault.All.Where(f => f.ProcessesRequest && f.Kind != PanelFaultKind.Latency).Concat([PanelFault.ServerErrorAfterProcessing(502)]).Select(f => f.ToString())];

    [Fact]
    public async Task While_unresolved_no_other_order_for_the_same_target_is_placed_and_an_operator_resolves_it()
    {
        _harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
        var engine = _harness.NewEngine("a");
        var first = await engine.AcceptAsync(Orders.New("k1", link: "https://x/1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        await engine.AcceptAsync(Orders.New("k2", link: "https://x/1"));
        await engine.AcceptAsync(Orders.New("k3", link: "https://x/2"));
        _harness.Time.Advance(TimeSpan.FromDays(1));
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal((LocalOrderState.Waiting, "queued_behind_link"), ((await engine.FindAsync("k2"))!.State, (await engine.FindAsync("k2"))!.Reason));
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k3"))!.State);

        var onPanel = _harness.Panel.Orders.Single(o => o.Link == "https://x/1");
        var resolved = await engine.ResolveAsPlacedAsync(first.Id, onPanel.Id);
        Assert.Equal(onPanel.Id, resolved.ProviderOrderId);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k2"))!.State);
        Assert.Contains(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Placed && e.OrderId == first.Id && e.Reason == "resolved_placed");
    }

    [Fact]
    public async Task An_order_resolved_as_not_placed_is_placed_again()
    {
        _harness.Panel.Faults.Next(PanelFault.ServerError(503), action: "add");
        var engine = _harness.NewEngine("a");
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);

        // A 503 after add was sent may hide an order: unknown, though this panel took nothing.
        var unknown = await engine.FindAsync("k1");
        Assert.Equal(LocalOrderState.Unknown, unknown!.State);
        Assert.Empty(_harness.Panel.Orders);
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.ResolveAsNotPlacedAsync(12345));

        await engine.ResolveAsNotPlacedAsync(order.Id);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
        Assert.Single(_harness.Panel.Orders);
        Assert.Contains(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Requeued);
    }

    [Fact]
    public async Task Accepting_checks_the_order_and_the_same_key_twice_is_the_same_order()
    {
        var engine = _harness.NewEngine("a");
        var first = await engine.AcceptAsync(Orders.New("k1"));
        Assert.Equal(first.Id, (await engine.AcceptAsync(Orders.New("k1"))).Id);
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => engine.AcceptAsync(Orders.New("k1", quantity: 5000)));
        await Refused(Orders.New(""), "NewOrder.IdempotencyKey");
        await Refused(Orders.New(new string('k', 201)), "NewOrder.IdempotencyKey has 201 characters");
        await Refused(Orders.New("k2", quantity: 0), "NewOrder.Quantity");
        await Refused(Orders.New("k3", price: -1m), "NewOrder.Price");
        await Refused(Orders.New("k5", serviceId: 0), "NewOrder.ServiceId");
        await Refused(Orders.New("k6", link: " "), "NewOrder.Link is required");
        await Refused(Orders.New("k7", link: "https://x/\ud800"), "lone surrogate");
        await Refused(new NewOrder { IdempotencyKey = "k4", Panel = "other", ServiceId = 1, Link = "https://x", Quantity = 100, Price = 1m }, "NewOrder.Panel 'other'");

        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Single(_harness.Panel.Orders);
    }

    private async Task Refused(NewOrder order, string named)
    {
        var engine = _harness.NewEngine("refusing");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.AcceptAsync(order));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Null(await engine.FindAsync(order.IdempotencyKey)); // nothing stored
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
