namespace Plugsmm.Orders.Tests;

/// <summary>Tracking against the simulated panel: cadence, progress, final states with their refunds, batches of 100.</summary>
public sealed class TrackingTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();
    private readonly ScriptedStatusClient _client;
    private readonly OrderEngine _engine;

    public TrackingTests()
    {
        _client = new ScriptedStatusClient(_harness.Client);
        _engine = _harness.NewEngine("a", client: _client);
    }

    [Fact]
    public async Task A_placed_order_is_polled_soon_then_less_often_until_it_is_completed_then_never_again()
    {
        var order = await PlaceAsync(Orders.New("k1"));
        Assert.Equal(_harness.Time.GetUtcNow() + _harness.Options.TrackingDelay, order.NextPollAt);

        var waits = new List<TimeSpan>();
        while (order.State == LocalOrderState.Placed)
        {
            var before = _harness.Time.GetUtcNow();
            order = await PollAsync(order);
            waits.Add(order.NextPollAt is { } next ? next - _harness.Time.GetUtcNow() : TimeSpan.Zero);
            Assert.True(_harness.Time.GetUtcNow() - before <= _harness.Options.MaxTrackingInterval);
        }

        Assert.Equal(LocalOrderState.Completed, order.State);
        Assert.Equal([30, 60, 120, 240, 480, 0], waits.Select(w => (int)w.TotalSeconds)); // 30 s, doubled per poll; none once final
        Assert.Equal((0m, 0.90m, "Completed", 0L), (order.RefundedAmount, order.ProviderCharge!.Value, order.ProviderStatus!, order.Remains!.Value));
        Assert.NotNull(order.StartCount);
        var completed = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Completed);
        Assert.Equal(($"{order.Id}:completed:{order.Version}", 0m), (completed.DedupeKey, completed.RefundAmount));

        var requests = _client.StatusRequests.Count;
        _harness.Time.Advance(TimeSpan.FromDays(1));
        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal(requests, _client.StatusRequests.Count);
    }

    [Fact]
    public async Task A_progress_event_comes_only_when_remains_changed()
    {
        var order = await PlaceAsync(Orders.New("k1", serviceId: 7, quantity: 1000));  // starts after a minute, 50 a minute
        order = await PollAsync(order);   // 0:30: pending, 1000 to deliver
        order = await PollAsync(order);   // 1:00: in progress, still 1000 to deliver
        Assert.Equal(("In progress", 1000L), (order.ProviderStatus!, order.Remains!.Value));
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Progress);

        order = await PollAsync(order);   // 2:00: 50 delivered
        var progress = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Progress);
        Assert.Equal((950L, "In progress"), (progress.Remains!.Value, progress.ProviderStatus!));
        Assert.Equal(950, order.Remains);
    }

    [Fact]
    public async Task A_partial_order_refunds_price_times_remains_over_quantity_and_records_the_charge()
    {
        var order = await PlaceAsync(Orders.New("k1", serviceId: 7, quantity: 1000, price: 2.50m));  // 80% delivered
        _harness.Time.Advance(TimeSpan.FromHours(1));
        order = await PollAsync(order);

        Assert.Equal((LocalOrderState.Partial, 200L, 0.50m), (order.State, order.Remains!.Value, order.RefundedAmount));
        Assert.Equal(_harness.Panel.Orders.Single().Charge, order.ProviderCharge);
        var partial = Assert.Single(_harness.Handler.Handled, e => e.RefundAmount != 0m);
        Assert.Equal((OrderEventKind.Partial, 0.50m, 200L), (partial.Kind, partial.RefundAmount, partial.Remains!.Value));
    }

    [Fact]
    public async Task A_canceled_order_refunds_the_whole_price_once()
    {
        var order = await PlaceAsync(Orders.New("k1", price: 2.50m));
        Assert.True(await _harness.Client.CancelOrderAsync(order.ProviderOrderId!.Value));
        order = await PollAsync(order);
        _harness.Time.Advance(TimeSpan.FromDays(1));
        await EngineHarness.RunUntilIdleAsync(_engine);

        Assert.Equal((LocalOrderState.Canceled, 2.50m), (order.State, order.RefundedAmount));
        var canceled = Assert.Single(_harness.Handler.Handled, e => e.RefundAmount != 0m);
        Assert.Equal((OrderEventKind.Canceled, 2.50m), (canceled.Kind, canceled.RefundAmount));
    }

    [Theory]
    [InlineData("Refunded", Client.OrderState.Refunded, LocalOrderState.Canceled, OrderEventKind.Canceled)]
    [InlineData("Fail", Client.OrderState.Failed, LocalOrderState.Failed, OrderEventKind.Failed)]
    public async Task Refunded_and_failed_reports_refund_the_whole_price(string word, Client.OrderState state, LocalOrderState expected, OrderEventKind kind)
    {
        var order = await PlaceAsync(Orders.New("k1", price: 1.25m));
        _client.Answers[order.ProviderOrderId!.Value] = id => ScriptedStatusClient.Word(id, word, state, 1000);
        order = await PollAsync(order);

        Assert.Equal((expected, 1.25m, word), (order.State, order.RefundedAmount, order.ProviderStatus!));
        Assert.Equal((kind, 1.25m), _harness.Handler.Handled.Where(e => e.RefundAmount != 0m).Select(e => (e.Kind, e.RefundAmount)).Single());
    }

    [Fact]
    public async Task Orders_are_polled_at_most_100_per_request_and_each_due_order_once()
    {
        _harness.Panel.SetBalance(1000m);
        for (var i = 0; i < 150; i++)
        {
            await _engine.AcceptAsync(Orders.New("k" + i));
        }

        await EngineHarness.RunUntilIdleAsync(_engine);
        _harness.Time.Advance(_harness.Options.TrackingDelay);
        await EngineHarness.RunUntilIdleAsync(_engine);

        Assert.Equal([100, 50], _client.StatusRequests.Select(r => r.Count));
        Assert.Equal(150, _client.StatusRequests.SelectMany(r => r).Distinct().Count());
        Assert.Equal(2, _harness.Panel.Requests.Count(r => r.Action == "status"));
    }

    [Fact]
    public async Task An_unknown_status_word_is_kept_reported_once_and_the_order_is_polled_on()
    {
        var order = await PlaceAsync(Orders.New("k1"));
        _client.Answers[order.ProviderOrderId!.Value] = id => ScriptedStatusClient.Word(id, "Queued at partner", remains: 1000);
        order = await PollAsync(order);
        order = await PollAsync(order);

        Assert.Equal((LocalOrderState.Placed, "Queued at partner"), (order.State, order.ProviderStatus!));
        var reported = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.StatusUnrecognized);
        Assert.Equal("Queued at partner", reported.ProviderStatus);
        Assert.NotNull(order.NextPollAt);

        _client.Answers.Clear();
        _harness.Time.Advance(TimeSpan.FromHours(1));
        order = await PollAsync(order);
        Assert.Equal(LocalOrderState.Completed, order.State);
    }

    [Fact]
    public async Task Incorrect_order_id_is_tolerated_for_the_grace_period_then_reported_once_and_never_fails_its_batch()
    {
        var missing = await PlaceAsync(Orders.New("k1"));
        var healthy = await PlaceAsync(Orders.New("k2"));
        _client.Answers[missing.ProviderOrderId!.Value] = ScriptedStatusClient.IncorrectOrderId;

        while (_harness.Time.GetUtcNow() - missing.PlacedAt!.Value < _harness.Options.NotFoundGracePeriod - TimeSpan.FromMinutes(4))
        {
            missing = await PollAsync(missing);
        }

        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.NotFoundOnPanel);
        Assert.Contains(_client.StatusRequests, r => r.Contains(missing.ProviderOrderId!.Value) && r.Contains(healthy.ProviderOrderId!.Value));

        for (var poll = 0; poll < 3; poll++)
        {
            missing = await PollAsync(missing);
        }

        var reported = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.NotFoundOnPanel);
        Assert.Equal("invalid_order", reported.Reason);
        Assert.Equal(LocalOrderState.Completed, (await _engine.FindAsync("k2"))!.State);  // polled in the same batches, undisturbed
        Assert.Equal((LocalOrderState.Placed, 0m), (missing.State, missing.RefundedAmount));
        Assert.NotNull(missing.NextPollAt);
    }

    [Fact]
    public async Task A_failed_status_request_polls_its_batch_again_later_and_loses_nothing()
    {
        var order = await PlaceAsync(Orders.New("k1"));
        _client.FailNextRequests = 1;
        order = await PollAsync(order);

        Assert.Equal(LocalOrderState.Placed, order.State);
        Assert.True(order.NextPollAt > _harness.Time.GetUtcNow());
        Assert.Equal([OrderEventKind.Accepted, OrderEventKind.Placed], _harness.Handler.Handled.Select(e => e.Kind));

        _harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(LocalOrderState.Completed, (await PollAsync(order)).State);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private async Task<LocalOrder> PlaceAsync(NewOrder order)
    {
        await _engine.AcceptAsync(order);
        await EngineHarness.RunUntilIdleAsync(_engine);
        var placed = (await _engine.FindAsync(order.IdempotencyKey))!;
        Assert.Equal(LocalOrderState.Placed, placed.State);
        return placed;
    }

    /// <summary>Moves the clock to the order's next poll (if later) and runs the engine until idle.</summary>
    private async Task<LocalOrder> PollAsync(LocalOrder order)
    {
        if (order.NextPollAt is { } due && due > _harness.Time.GetUtcNow())
        {
            _harness.Time.Advance(due - _harness.Time.GetUtcNow());
        }

        await EngineHarness.RunUntilIdleAsync(_engine);
        return (await _engine.FindAsync(order.IdempotencyKey))!;
    }
}
