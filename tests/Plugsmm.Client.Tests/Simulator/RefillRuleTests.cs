using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The panel's refill rules: the service's refill period, one refill at a time per order, and refills that end Rejected.</summary>
public sealed class RefillRuleTests : IAsyncLifetime
{
    private const long WindowedService = 20;
    private const long RejectingService = 21;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private SimulatedPanel _panel = null!;
    private PlugsmmClient _client = null!;

    public Task InitializeAsync()
    {
        _panel = SimulatedPanel.CreateDefault(_time);
        _panel.Services.Add(new SimulatedService { Id = WindowedService, Name = "Followers [Refill 30d]", Refill = true, RefillPeriod = TimeSpan.FromDays(30) });
        _panel.Services.Add(new SimulatedService { Id = RejectingService, Name = "Followers [Refill, never honoured]", Refill = true, RefillRejects = true });
        _client = _panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task A_refill_later_than_the_refill_period_after_the_order_ended_is_refused_as_too_old()
    {
        // 100 units at 100 a minute after a minute's start delay: delivered at 12:02.
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = WindowedService, Link = "https://x.com/window", Quantity = 100 });
        var late = await _client.AddOrderAsync(new DefaultOrder { ServiceId = WindowedService, Link = "https://x.com/window-late", Quantity = 100 });
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromDays(30));

        var lastDay = await _client.RefillOrderAsync(id);
        _time.Advance(TimeSpan.FromSeconds(1));
        var single = await Assert.ThrowsAsync<PlugsmmException>(() => _client.RefillOrderAsync(late));
        var many = await _client.RefillOrdersAsync([late]);

        Assert.True(lastDay > 0);
        Assert.Equal(("Order is too old", PlugsmmErrorReasons.RefillTooOld, PlugsmmErrorKind.Permanent), (single.PanelError, single.Reason, single.Kind));
        Assert.Equal(("Order is too old", PlugsmmErrorReasons.RefillTooOld), (many[0].Error?.PanelError, many[0].Error?.Reason));
    }

    [Fact]
    public async Task The_refill_period_of_a_scripted_order_runs_from_the_step_that_ended_it()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = WindowedService, Link = "https://x.com/scripted-window", Quantity = 100 });
        _panel.ScriptStatus(
            id,
            new SimulatedStatusStep { Status = "In progress" },
            new SimulatedStatusStep { After = TimeSpan.FromDays(2), Status = "Completed" },
            new SimulatedStatusStep { After = TimeSpan.FromDays(3), Status = "Completed", StartCount = 7 });
        _time.Advance(TimeSpan.FromDays(32));

        var onTime = await _client.RefillOrdersAsync([id]);
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1)); // that refill has ended; the period too

        var tooOld = await _client.RefillOrdersAsync([id]);

        Assert.True(onTime[0].IsSuccess);
        Assert.Equal(PlugsmmErrorReasons.RefillTooOld, tooOld[0].Error?.Reason);
    }

    [Fact]
    public async Task A_second_refill_while_one_is_pending_is_refused_and_taken_once_it_ended()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/twice", Quantity = 100 });
        _time.Advance(TimeSpan.FromHours(1));

        var first = await _client.RefillOrderAsync(id);
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var again = await Assert.ThrowsAsync<PlugsmmException>(() => _client.RefillOrderAsync(id));
        var againMany = await _client.RefillOrdersAsync([id]);
        _time.Advance(TimeSpan.FromSeconds(1));
        var firstStatus = await _client.GetRefillStatusAsync(first);
        var second = await _client.RefillOrderAsync(id);

        Assert.Equal(("The refill task is not completed for this order", PlugsmmErrorReasons.RefillInProgress, PlugsmmErrorKind.Permanent), (again.PanelError, again.Reason, again.Kind));
        Assert.Equal(PlugsmmErrorReasons.RefillInProgress, againMany[0].Error?.Reason);
        Assert.Equal(RefillState.Completed, firstStatus.State);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_service_that_rejects_refills_has_them_pending_then_rejected()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = RejectingService, Link = "https://x.com/rejected", Quantity = 100 });
        _time.Advance(TimeSpan.FromHours(1));
        var refillId = await _client.RefillOrderAsync(id);

        var pending = await _client.GetRefillStatusAsync(refillId);
        _time.Advance(TimeSpan.FromMinutes(10));
        var single = await _client.GetRefillStatusAsync(refillId);
        var many = await _client.GetRefillStatusesAsync([refillId, 1]);
        var retry = await _client.RefillOrderAsync(id);

        Assert.Equal((RefillState.Pending, "Pending"), (pending.State, pending.StatusText));
        Assert.Equal((RefillState.Rejected, "Rejected"), (single.State, single.StatusText));
        Assert.Equal(RefillState.Rejected, many[0].Value.State);
        Assert.Equal("Refill not found", many[1].Error?.PanelError);
        Assert.NotEqual(refillId, retry);
    }

    [Fact]
    public void A_negative_refill_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedService { Id = 99, RefillPeriod = TimeSpan.FromDays(-1) });
    }
}
