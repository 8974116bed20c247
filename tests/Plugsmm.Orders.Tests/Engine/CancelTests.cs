using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>Cancel on request against the simulated panel: accepted, refused, unknown, batched, refused up front.</summary>
public sealed class CancelTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();
    private readonly OrderEngine _engine;

    public CancelTests() => _engine = _harness.NewEngine("a");

    [Fact]
    public async Task An_accepted_cancel_refunds_nothing_until_the_panel_reports_the_order_canceled()
    {
        var order = await PlaceAsync("k1");
        await _engine.RequestCancelAsync(order.Id);
        _harness.Panel.Faults.Next(PanelFault.ServerError(503), action: "status"); // the poll right after the cancel fails
        await EngineHarness.RunUntilIdleAsync(_engine);

        var accepted = (await _engine.FindAsync("k1"))!;
        Assert.Equal((LocalOrderState.Placed, CancelState.Accepted, 0m), (accepted.State, accepted.Cancel!.Value, accepted.RefundedAmount));
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.RefundAmount != 0m);

        _harness.Time.Advance(_harness.Options.MaxTrackingInterval);
        await EngineHarness.RunUntilIdleAsync(_engine);
        var canceled = (await _engine.FindAsync("k1"))!;
        Assert.Equal((LocalOrderState.Canceled, 2.50m), (canceled.State, canceled.RefundedAmount));
        Assert.Equal(
            [OrderEventKind.CancelRequested, OrderEventKind.CancelAccepted, OrderEventKind.Canceled],
            _harness.Handler.Handled.Where(e => e.Kind is >= OrderEventKind.Canceled and not OrderEventKind.StatusUnrecognized and not OrderEventKind.NotFoundOnPanel).Select(e => e.Kind));
        Assert.Equal(1, CancelRequests());
    }

    [Fact]
    public async Task A_refused_cancel_is_reported_with_the_panels_reason_and_the_order_runs_on_unrefunded()
    {
        var order = await PlaceAsync("k1", serviceId: 7); // service 7 cannot be canceled
        await _engine.RequestCancelAsync(order.Id);
        await EngineHarness.RunUntilIdleAsync(_engine);

        var refused = (await _engine.FindAsync("k1"))!;
        Assert.Equal((LocalOrderState.Placed, CancelState.Refused, "cancel_refused", 0m), (refused.State, refused.Cancel!.Value, refused.CancelReason!, refused.RefundedAmount));
        var e = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.CancelRefused);
        Assert.Equal(("cancel_refused", 0m), (e.Reason!, e.RefundAmount));
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.CancelAccepted);
        Assert.Equal(1, CancelRequests());

        for (var round = 0; round < 8; round++)
        {
            _harness.Time.Advance(_harness.Options.MaxTrackingInterval);
            await EngineHarness.RunUntilIdleAsync(_engine);
        }

        Assert.Equal(LocalOrderState.Partial, (await _engine.FindAsync("k1"))!.State); // the panel's own end
        Assert.Equal(1, CancelRequests());
    }

    [Fact]
    public async Task A_cancel_whose_outcome_is_unknown_is_never_sent_again_and_the_status_tells_the_truth()
    {
        var order = await PlaceAsync("k1");
        await _engine.RequestCancelAsync(order.Id);
        _harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "cancel");
        _harness.Panel.Faults.Next(PanelFault.ServerError(503), action: "status");
        await EngineHarness.RunUntilIdleAsync(_engine);

        var unknown = (await _engine.FindAsync("k1"))!;
        Assert.Equal((LocalOrderState.Placed, CancelState.Unknown, 0m), (unknown.State, unknown.Cancel!.Value, unknown.RefundedAmount));
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.CancelUnknown);
        Assert.Equal(CancelState.Unknown, (await _engine.RequestCancelAsync(order.Id)).Cancel); // asking again sends nothing

        _harness.Time.Advance(_harness.Options.MaxTrackingInterval);
        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal((LocalOrderState.Canceled, 2.50m), ((await _engine.FindAsync("k1"))!.State, (await _engine.FindAsync("k1"))!.RefundedAmount));
        Assert.Equal(1, CancelRequests());
    }

    [Fact]
    public async Task A_cancel_request_the_panel_certainly_never_took_is_sent_again_after_the_retry_delay()
    {
        var order = await PlaceAsync("k1");
        await _engine.RequestCancelAsync(order.Id);
        _harness.Panel.Faults.Next(PanelFault.TooManyRequests(), action: "cancel");
        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal(CancelState.Requested, (await _engine.FindAsync("k1"))!.Cancel);

        _harness.Time.Advance(_harness.Options.RetryDelay);
        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal(LocalOrderState.Canceled, (await _engine.FindAsync("k1"))!.State);
    }

    [Fact]
    public async Task Cancels_of_one_panel_go_in_one_request_and_only_placed_unfinished_orders_can_be_canceled()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await PlaceAsync("k" + i)).Id);
        }

        foreach (var id in ids)
        {
            await _engine.RequestCancelAsync(id);
        }

        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal(1, _harness.Panel.Requests.Count(r => r.Action == "cancel"));
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(LocalOrderState.Canceled, (await _engine.FindAsync("k" + i))!.State);
        }

        var finished = await Assert.ThrowsAsync<InvalidOperationException>(() => _engine.RequestCancelAsync(ids[0]));
        Assert.Contains("Canceled", finished.Message, StringComparison.Ordinal);
        var notPlaced = await _engine.AcceptAsync(Orders.New("k9"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _engine.RequestCancelAsync(notPlaced.Id));
        Assert.Equal(1, _harness.Panel.Requests.Count(r => r.Action == "cancel"));
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private async Task<LocalOrder> PlaceAsync(string key, long serviceId = 1)
    {
        await _engine.AcceptAsync(Orders.New(key, serviceId: serviceId));
        await EngineHarness.RunUntilIdleAsync(_engine);
        return (await _engine.FindAsync(key))!;
    }

    private int CancelRequests() => _harness.Panel.Requests.Count(r => r.Action == "cancel");
}
