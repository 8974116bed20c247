using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>The activity source <c>Plugsmm.Orders</c> and the log scope: the engine's spans are the parents of the client's, its lines join the client's.</summary>
public sealed class OrderTracingTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();
    private readonly MetricsRecorder _metrics = new();

    [Fact]
    public async Task The_place_span_is_the_parent_of_the_clients_add_span_and_carries_the_outcome()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        var order = await engine.AcceptAsync(Orders.New("k1"));
        using var spans = new SpanRecorder();
        await EngineHarness.RunUntilIdleAsync(engine);

        var place = Assert.Single(spans.Spans, s => s.OperationName == "plugsmm.orders.place");
        var add = Assert.Single(spans.Spans, s => s.Source.Name == PlugsmmTelemetry.ActivitySourceName && s.OperationName == "plugsmm add");
        Assert.Equal(PlugsmmOrdersTelemetry.ActivitySourceName, place.Source.Name);
        Assert.Equal(place.SpanId, add.ParentSpanId);
        Assert.Equal(spans.Root.SpanId, place.ParentSpanId);
        var placed = (await engine.FindAsync("k1"))!;
        Assert.Equal(
            (order.Id, "default", 1L, "placed", placed.ProviderOrderId, ActivityStatusCode.Unset),
            ((long)place.GetTagItem("plugsmm.order.id")!, (string)place.GetTagItem("plugsmm.panel")!, (long)place.GetTagItem("plugsmm.service_id")!,
             (string)place.GetTagItem("plugsmm.order.state")!, (long?)place.GetTagItem("plugsmm.provider_order_id"), place.Status));
        Assert.Equal($"order-{order.Id}", add.GetTagItem("plugsmm.correlation_id"));
    }

    [Fact]
    public async Task An_unknown_outcome_fails_the_place_span_with_its_reason()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        _harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
        await engine.AcceptAsync(Orders.New("k1"));
        using var spans = new SpanRecorder();
        await EngineHarness.RunUntilIdleAsync(engine);

        var place = Assert.Single(spans.Spans, s => s.OperationName == "plugsmm.orders.place");
        var reason = (await engine.FindAsync("k1"))!.Reason;
        Assert.Equal((ActivityStatusCode.Error, reason, "unknown"), (place.Status, place.StatusDescription, place.GetTagItem("plugsmm.order.state")));
        Assert.Equal(place.SpanId, Assert.Single(spans.Spans, s => s.OperationName == "plugsmm add").ParentSpanId);
    }

    [Fact]
    public async Task A_tracking_batch_has_one_span_over_the_clients_status_span_and_a_failed_poll_fails_it()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        await engine.AcceptAsync(Orders.New("k1"));
        await engine.AcceptAsync(Orders.New("k2"));
        await EngineHarness.RunUntilIdleAsync(engine);
        using var spans = new SpanRecorder();
        _harness.Time.Advance(_harness.Options.TrackingDelay);
        _harness.Panel.Faults.Next(PanelFault.ServerError(503), action: "status");
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(_harness.Options.MaxTrackingInterval);
        await EngineHarness.RunUntilIdleAsync(engine);

        var tracks = spans.Spans.Where(s => s.OperationName == "plugsmm.orders.track").ToList();
        Assert.Equal(2, tracks.Count);
        Assert.All(tracks, t => Assert.Equal(2, t.GetTagItem("plugsmm.orders.count")));
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset], tracks.Select(t => t.Status));
        var statusCalls = spans.Spans.Where(s => s.OperationName == "plugsmm status").ToList();
        Assert.Equal(tracks.Select(t => t.SpanId), statusCalls.Select(s => s.ParentSpanId));
        Assert.DoesNotContain(spans.Spans, s => s.OperationName == "plugsmm.orders.cancel" || s.OperationName == "plugsmm.orders.refill"); // no empty batches
    }

    [Fact]
    public async Task A_cancel_batch_has_its_span_over_the_clients_cancel_span()
    {
        var engine = _harness.NewObservedEngine("a", _metrics);
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        await engine.RequestCancelAsync(order.Id);
        using var spans = new SpanRecorder();
        await EngineHarness.RunUntilIdleAsync(engine);

        var cancel = Assert.Single(spans.Spans, s => s.OperationName == "plugsmm.orders.cancel");
        Assert.Equal(cancel.SpanId, Assert.Single(spans.Spans, s => s.OperationName == "plugsmm cancel").ParentSpanId);
    }

    [Fact]
    public async Task Placement_lines_of_the_engine_and_the_client_carry_the_order_id_and_panel_scope()
    {
        var lines = new ScopeCapturingLogger();
        using var factory = LoggerFactory.Create(b => b.AddProvider(lines).SetMinimumLevel(LogLevel.Trace));
        var options = new PlugsmmClientOptions { ApiKey = _harness.Panel.ApiKey, BaseAddress = new Uri("https://simulated-panel.invalid/api/v2") };
        options.Resilience.Retry.MaxRetryAttempts = 0;
        using var http = new HttpClient(_harness.Panel.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PlugsmmClient(http, options, factory.CreateLogger<PlugsmmClient>(), _harness.Time);
        var engine = _harness.NewObservedEngine("a", _metrics, factory.CreateLogger<OrderEngine>(), client);
        var order = await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);

        var placed = Assert.Single(lines.Lines, l => l.EventId == 3000);
        var request = Assert.Single(lines.Lines, l => l.EventId == 1000 && l.Message.Contains("action=add", StringComparison.Ordinal)); // the client's "Plugsmm API request" line
        Assert.All([placed, request], l => Assert.Equal((order.Id, string.Empty), ((long)l.Scope["OrderId"]!, (string)l.Scope["Panel"]!)));
        Assert.Contains($"correlation_id=order-{order.Id}", request.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await _harness.DisposeAsync();
    }
}
