using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>The meter <c>Plugsmm.Orders</c> on fake time against the simulated panel: every value read as an exporter reads it.</summary>
public sealed class OrderMetricsTests : IAsyncDisposable
{
    private static readonly (string, object?) Default = ("plugsmm.panel", "default");
    private readonly EngineHarness _harness = new();
    private readonly MetricsRecorder _metrics = new();

    [Fact]
    public async Task Orders_by_state_follow_accept_place_and_complete()
    {
        _harness.Options.BatchSize = 1;
        var engine = _harness.NewObservedEngine("a", _metrics);
        Assert.Null(_metrics.Observe("plugsmm.orders.active", Default, State("accepted"))); // nothing read before the first step

        await engine.AcceptAsync(Orders.New("k1"));
        await engine.AcceptAsync(Orders.New("k2"));
        await engine.RunOnceAsync(default); // places k1 (one per step), then reads the statistics
        Assert.Equal((1d, 1d, 0d), (Active("accepted"), Active("placed"), Active("unknown")));

        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(1d, Active("accepted")); // read at most every 10 s: the snapshot is the first step's
        _harness.Time.Advance(OrdersMetrics.RefreshInterval);
        await engine.RunOnceAsync(default);
        Assert.Equal((0d, 2d), (Active("accepted"), Active("placed")));
        Assert.Equal(2d, _metrics.Sum("plugsmm.orders.placements", Default, State("placed")));
        Assert.Equal(2, _metrics.Count("plugsmm.orders.placement.duration", Default, State("placed")));

        _harness.Time.Advance(TimeSpan.FromDays(1)); // the panel completes both; the engine tracks one per step
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(OrdersMetrics.RefreshInterval);
        await engine.RunOnceAsync(default);
        Assert.Equal((0d, 0d), (Active("accepted"), Active("placed")));
        Assert.Equal(2d, _metrics.Sum("plugsmm.orders.finished", Default, State("completed")));
        Assert.Equal(0d, _metrics.Sum("plugsmm.orders.refunds"));
    }

    [Fact]
    public async Task An_unknown_outcome_is_counted_and_the_queue_reports_its_length_and_growing_age()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        _harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Unknown, (await engine.FindAsync("k1"))!.State);

        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.placements", Default, State("unknown")));
        Assert.Equal((1d, 1d, 0d), (Active("unknown"), _metrics.Observe("plugsmm.orders.resolution_queue.size", Default), QueueAge()));
        _harness.Time.Advance(TimeSpan.FromMinutes(5)); // the engine does not run: the age grows anyway
        Assert.Equal(300d, QueueAge());
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(300d, QueueAge());

        await engine.ResolveAsNotPlacedAsync(order.Id);
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal((0d, 0d), (_metrics.Observe("plugsmm.orders.resolution_queue.size", Default), QueueAge()));
    }

    [Fact]
    public async Task A_refund_is_counted_once_when_written_however_often_its_event_is_delivered()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        await engine.AcceptAsync(Orders.New("k1", quantity: 10, price: 1.75m)); // below the minimum: failed, refunded in full
        await engine.RunOnceAsync(default); // failed; its Accepted event delivered
        _harness.Handler.FailNext(2); // the Failed event's first two deliveries throw
        for (var round = 0; round < 6; round++)
        {
            await EngineHarness.RunUntilIdleAsync(engine);
            _harness.Time.Advance(_harness.Options.MaxRetryDelay);
        }

        Assert.True(_harness.Handler.Attempts.Count(e => e.Kind == OrderEventKind.Failed) >= 2);
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.Failed);
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.refunds", Default, ("plugsmm.refund.kind", "failed")));
        Assert.Equal(1.75d, _metrics.Sum("plugsmm.orders.refund.amount", Default, ("plugsmm.refund.kind", "failed")));
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.placements", Default, State("failed"), ("plugsmm.reason", "quantity_below_min")));
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.finished", Default, State("failed")));
    }

    [Fact]
    public async Task A_canceled_order_counts_its_refund_once_as_canceled()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        await engine.RequestCancelAsync(order.Id);
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(_harness.Options.MaxTrackingInterval);
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(_harness.Options.MaxTrackingInterval);
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal(LocalOrderState.Canceled, (await engine.FindAsync("k1"))!.State);
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.refunds", Default, ("plugsmm.refund.kind", "canceled")));
        Assert.Equal(2.50d, _metrics.Sum("plugsmm.orders.refund.amount"));
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.finished", Default, State("canceled")));
    }

    [Fact]
    public async Task A_partial_order_counts_its_share_refunded_as_partial()
    {
        var client = new ScriptedStatusClient(_harness.Client);
        var engine = _harness.NewObservedEngine("a", _metrics, client: client);
        await engine.AcceptAsync(Orders.New("k1", quantity: 1000, price: 2.50m));
        await EngineHarness.RunUntilIdleAsync(engine);
        client.Answers[(await engine.FindAsync("k1"))!.ProviderOrderId!.Value] = id => ScriptedStatusClient.Word(id, "Partial", Plugsmm.Client.OrderState.Partial, 400);
        _harness.Time.Advance(_harness.Options.TrackingDelay);
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal((LocalOrderState.Partial, 1.00m), ((await engine.FindAsync("k1"))!.State, (await engine.FindAsync("k1"))!.RefundedAmount));
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.refunds", Default, ("plugsmm.refund.kind", "partial")));
        Assert.Equal(1.00d, _metrics.Sum("plugsmm.orders.refund.amount", Default, ("plugsmm.refund.kind", "partial")));
        Assert.Equal(1d, _metrics.Sum("plugsmm.orders.finished", Default, State("partial")));
    }

    [Fact]
    public async Task Tracking_lag_grows_while_the_engine_does_not_poll_and_falls_when_it_does()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(0d, TrackingLag()); // the first poll is due in 30 s

        _harness.Time.Advance(_harness.Options.TrackingDelay + TimeSpan.FromSeconds(90));
        Assert.Equal(90d, TrackingLag());
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(120d, TrackingLag());

        await EngineHarness.RunUntilIdleAsync(engine); // polled: the next poll is ahead
        Assert.Equal(0d, TrackingLag());
    }

    public async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await _harness.DisposeAsync();
    }

    private static (string, object?) State(string state) => ("plugsmm.order.state", state);

    private double? Active(string state) => _metrics.Observe("plugsmm.orders.active", Default, State(state));

    private double? QueueAge() => _metrics.Observe("plugsmm.orders.resolution_queue.oldest_age", Default);

    private double? TrackingLag() => _metrics.Observe("plugsmm.orders.tracking.lag", Default);
}
