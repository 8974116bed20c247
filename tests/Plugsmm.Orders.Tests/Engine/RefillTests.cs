using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>Refills on request against the simulated panel: accepted and tracked, refused, unknown, ineligible, batched.</summary>
public sealed class RefillTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();
    private readonly OrderEngine _engine;

    public RefillTests() => _engine = _harness.NewEngine("a");

    [Fact]
    public async Task A_refill_of_a_completed_order_is_sent_once_and_tracked_to_completed()
    {
        var order = await CompleteAsync("k1");
        var requested = await _engine.RequestRefillAsync(order.Id);
        Assert.Equal(RefillRequestState.Requested, requested.Refill);
        await EngineHarness.RunUntilIdleAsync(_engine);

        var pending = (await _engine.FindAsync("k1"))!;
        Assert.Equal(RefillRequestState.Pending, pending.Refill);
        var accepted = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillAccepted);
        Assert.Equal(pending.RefillId, accepted.RefillId);
        Assert.Equal(pending.Refill, (await _engine.RequestRefillAsync(order.Id)).Refill); // pending: asking again sends nothing

        for (var round = 0; round < 4 && (await _engine.FindAsync("k1"))!.Refill == RefillRequestState.Pending; round++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(5));
            await EngineHarness.RunUntilIdleAsync(_engine);
        }

        var done = (await _engine.FindAsync("k1"))!;
        Assert.Equal((RefillRequestState.Completed, "Completed", LocalOrderState.Completed, 0m), (done.Refill!.Value, done.RefillStatus!, done.State, done.RefundedAmount));
        var completed = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillCompleted);
        Assert.Equal(done.RefillId, completed.RefillId);
        Assert.Equal(1, _harness.RefillRequestsFor(done.ProviderOrderId!.Value));
    }

    [Fact]
    public async Task A_refill_the_panel_refuses_is_reported_with_its_reason_and_never_as_requested()
    {
        var service = _harness.AddRefillRefusingService();
        var order = await CompleteAsync("k1", service);
        _harness.AdvertiseRefill(service);
        await _engine.RequestRefillAsync(order.Id);
        await EngineHarness.RunUntilIdleAsync(_engine);

        var refused = (await _engine.FindAsync("k1"))!;
        Assert.Equal((RefillRequestState.Refused, "refill_not_eligible"), (refused.Refill!.Value, refused.RefillReason!));
        var e = Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillRefused);
        Assert.Equal("refill_not_eligible", e.Reason);
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind is OrderEventKind.RefillAccepted or OrderEventKind.RefillCompleted);
    }

    [Fact]
    public async Task A_refill_whose_outcome_is_unknown_is_never_sent_again()
    {
        var order = await CompleteAsync("k1");
        await _engine.RequestRefillAsync(order.Id);
        _harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "refill");
        await EngineHarness.RunUntilIdleAsync(_engine);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        await EngineHarness.RunUntilIdleAsync(_engine);

        var unknown = (await _engine.FindAsync("k1"))!;
        Assert.Equal(RefillRequestState.Unknown, unknown.Refill);
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillUnknown);
        Assert.Equal(1, _harness.RefillRequestsFor(unknown.ProviderOrderId!.Value));
    }

    [Fact]
    public async Task An_ineligible_refill_throws_naming_why_and_sends_nothing()
    {
        var noRefill = await CompleteAsync("k1", serviceId: 2);   // service 2: refill false in the catalogue
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _engine.RequestRefillAsync(noRefill.Id));
        Assert.Contains("no refill", error.Message, StringComparison.Ordinal);

        await _engine.AcceptAsync(Orders.New("k2"));
        await EngineHarness.RunUntilIdleAsync(_engine);
        var placed = (await _engine.FindAsync("k2"))!;
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => _engine.RequestRefillAsync(placed.Id));
        Assert.Contains("Placed", error.Message, StringComparison.Ordinal);

        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal(0, _harness.Panel.Requests.Count(r => r.Action == "refill"));
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillRequested);
    }

    [Fact]
    public async Task Refills_of_one_panel_go_in_one_request_and_their_statuses_in_one_request()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await _engine.AcceptAsync(Orders.New("k" + i));
        }

        await EngineHarness.RunUntilIdleAsync(_engine);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        await EngineHarness.RunUntilIdleAsync(_engine);
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _engine.RequestRefillAsync((await _engine.FindAsync("k" + i))!.Id)).Id);
        }

        await EngineHarness.RunUntilIdleAsync(_engine);
        _harness.Time.Advance(TimeSpan.FromMinutes(11));
        await EngineHarness.RunUntilIdleAsync(_engine);
        Assert.Equal((1, 1), (_harness.Panel.Requests.Count(r => r.Action == "refill"), _harness.Panel.Requests.Count(r => r.Action == "refill_status")));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(RefillRequestState.Completed, (await _engine.FindAsync("k" + i))!.Refill);
        }
    }

    [Fact]
    public async Task A_refill_request_refused_whole_by_the_panel_is_refused_with_its_reason_not_retried()
    {
        var order = await CompleteAsync("k1");
        var client = new RefusingRefillClient(_harness.Client);
        var engine = _harness.NewEngine("b", client: client);
        await engine.RequestRefillAsync(order.Id);
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        await EngineHarness.RunUntilIdleAsync(engine);

        var refused = (await engine.FindAsync("k1"))!;
        Assert.Equal((RefillRequestState.Refused, "refill_disabled"), (refused.Refill!.Value, refused.RefillReason!));
        Assert.Equal(1, client.RefillRequests);
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillRefused);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private async Task<LocalOrder> CompleteAsync(string key, long serviceId = 1)
    {
        await _engine.AcceptAsync(Orders.New(key, serviceId: serviceId));
        await EngineHarness.RunUntilIdleAsync(_engine);
        _harness.Time.Advance(TimeSpan.FromHours(1));
        await EngineHarness.RunUntilIdleAsync(_engine);
        var order = (await _engine.FindAsync(key))!;
        Assert.Equal(LocalOrderState.Completed, order.State);
        return order;
    }
}
