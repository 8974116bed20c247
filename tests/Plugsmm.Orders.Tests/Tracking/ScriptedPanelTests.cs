using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// The engine against the simulated panel's scripted statuses and refill rules (not a stand-in client): what the panel
/// says over time is what the engine records, refunds and reports.
/// </summary>
public sealed class ScriptedPanelTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();
    private readonly OrderEngine _engine;

    public ScriptedPanelTests()
    {
        _harness.Options.MaxTrackingInterval = TimeSpan.FromMinutes(1);
        _engine = _harness.NewEngine("a");
    }

    [Fact]
    public async Task A_scripted_progression_with_an_unknown_word_ends_partial_with_its_refund()
    {
        var link = "https://instagram.com/scripted";
        _harness.Panel.ScriptStatusForLink(
            link,
            new SimulatedStatusStep { After = TimeSpan.Zero, Status = "Pending" },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(2), Status = "In progress", Remains = 600, StartCount = 40 },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(4), Status = "Paused", Remains = 600 },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(6), Status = "Partial", Remains = 250, StartCount = 40 });
        await _engine.AcceptAsync(Orders.New("k1", link: link, quantity: 1000, price: 4.00m));
        await RunForAsync(TimeSpan.FromMinutes(10));

        var order = (await _engine.FindAsync("k1"))!;
        Assert.Equal((LocalOrderState.Partial, 250L, 1.00m, "Partial", 40L), (order.State, order.Remains!.Value, order.RefundedAmount, order.ProviderStatus!, order.StartCount!.Value));
        var kinds = _harness.Handler.Handled.Where(e => e.OrderId == order.Id).Select(e => e.Kind).ToList();
        Assert.Equal(
            [OrderEventKind.Accepted, OrderEventKind.Placed, OrderEventKind.Progress, OrderEventKind.StatusUnrecognized, OrderEventKind.Partial],
            kinds);
        Assert.Equal("Paused", _harness.Handler.Handled.Single(e => e.Kind == OrderEventKind.StatusUnrecognized).ProviderStatus);
        Assert.Equal(1.00m, _harness.Handler.Handled.Single(e => e.Kind == OrderEventKind.Partial).RefundAmount);
    }

    [Fact]
    public async Task An_id_the_panel_does_not_know_is_reported_once_after_the_grace_period_while_its_batch_goes_on()
    {
        _harness.Panel.ScriptStatusForLink("https://x/lost", new SimulatedStatusStep { After = TimeSpan.Zero, Error = "Incorrect order ID" });
        await _engine.AcceptAsync(Orders.New("lost", link: "https://x/lost"));
        await _engine.AcceptAsync(Orders.New("fine", link: "https://x/fine"));
        await RunForAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(LocalOrderState.Completed, (await _engine.FindAsync("fine"))!.State);
        var lost = (await _engine.FindAsync("lost"))!;
        Assert.Equal((LocalOrderState.Placed, "invalid_order", 0m), (lost.State, lost.Reason, lost.RefundedAmount));
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.NotFoundOnPanel);
    }

    [Fact]
    public async Task A_refill_past_the_services_refill_period_is_refused_with_the_panels_reason()
    {
        _harness.Panel.Services.Add(new SimulatedService { Id = 20, Name = "Followers [Refill 7d]", Category = "Followers", RatePer1000 = 1m, Min = 50, Max = 10_000, Refill = true, RefillPeriod = TimeSpan.FromDays(7) });
        var order = await CompletedAsync("old", 20);
        _harness.Time.Advance(TimeSpan.FromDays(8));

        await _engine.RequestRefillAsync(order.Id);
        await EngineHarness.RunUntilIdleAsync(_engine);

        var refused = (await _engine.FindAsync("old"))!;
        Assert.Equal((RefillRequestState.Refused, "refill_too_old"), (refused.Refill!.Value, refused.RefillReason!));
        Assert.Equal("refill_too_old", Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillRefused).Reason);
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillAccepted);
    }

    [Fact]
    public async Task A_refill_the_panel_rejects_later_is_reported_refused_not_done()
    {
        _harness.Panel.Services.Add(new SimulatedService { Id = 21, Name = "Followers [Refill]", Category = "Followers", RatePer1000 = 1m, Min = 50, Max = 10_000, Refill = true, RefillRejects = true });
        var order = await CompletedAsync("rejected", 21);

        await _engine.RequestRefillAsync(order.Id);
        await RunForAsync(TimeSpan.FromMinutes(30));

        var rejected = (await _engine.FindAsync("rejected"))!;
        Assert.Equal((RefillRequestState.Refused, "refill_rejected", "Rejected"), (rejected.Refill!.Value, rejected.RefillReason!, rejected.RefillStatus!));
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillAccepted);
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillRefused);
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.RefillCompleted);
    }

    private async Task<LocalOrder> CompletedAsync(string key, long serviceId)
    {
        var link = "https://x/" + key;
        _harness.Panel.ScriptStatusForLink(link, new SimulatedStatusStep { After = TimeSpan.FromMinutes(1), Status = "Completed" });
        await _engine.AcceptAsync(Orders.New(key, link: link, serviceId: serviceId));
        await RunForAsync(TimeSpan.FromMinutes(5));
        var order = (await _engine.FindAsync(key))!;
        Assert.Equal(LocalOrderState.Completed, order.State);
        return order;
    }

    /// <summary>Runs the engine minute by minute on the fake clock.</summary>
    private async Task RunForAsync(TimeSpan span)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= span; elapsed += TimeSpan.FromMinutes(1))
        {
            await EngineHarness.RunUntilIdleAsync(_engine);
            _harness.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
