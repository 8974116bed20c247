using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>Scripted status progressions, by order id and by link, seen through the real client; and what cancel and refill make of them.</summary>
public sealed class StatusScriptTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private SimulatedPanel _panel = null!;
    private PlugsmmClient _client = null!;

    public Task InitializeAsync()
    {
        _panel = SimulatedPanel.CreateDefault(_time);
        _client = _panel.CreateClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    [Fact]
    public async Task Each_scripted_step_is_what_status_reports_from_its_time_with_its_figures()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/scripted", Quantity = 1000 });
        _panel.ScriptStatus(
            id,
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(30), Status = "Partial", Remains = 100, Charge = 0.81m },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(1), Status = "Queued", StartCount = 5 },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(5), Status = "In progress", Remains = 400, StartCount = 10 });

        var before = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromMinutes(1));
        var queued = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromMinutes(4));
        var running = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromMinutes(25) - TimeSpan.FromSeconds(1));
        var stillRunning = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromSeconds(1));
        var partial = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromDays(1));
        var later = await _client.GetOrderStatusAsync(id);

        Assert.Equal((OrderState.Pending, "Pending", (long?)1000L), (before.State, before.StatusText, before.Remains));
        Assert.Equal((OrderState.Pending, "Queued", (long?)1000L, (long?)5L, (decimal?)0.9m), (queued.State, queued.StatusText, queued.Remains, queued.StartCount, queued.Charge));
        Assert.Equal((OrderState.InProgress, (long?)400L, (long?)10L), (running.State, running.Remains, running.StartCount));
        Assert.Equal(OrderState.InProgress, stillRunning.State);
        Assert.Equal((OrderState.Partial, (long?)100L, (decimal?)0.81m, "USD"), (partial.State, partial.Remains, partial.Charge, partial.Currency));
        Assert.Equal((OrderState.Partial, (long?)100L), (later.State, later.Remains));
        Assert.Equal(("Partial", 100L), _panel.StatusOf(id));
        Assert.Equal(100m - 0.9m, _panel.Balance); // a scripted charge is reported, not booked
    }

    [Theory]
    [InlineData("Paused", OrderState.Unknown)]
    [InlineData("Processing order", OrderState.Processing)]
    [InlineData("Canceled", OrderState.Canceled)]
    [InlineData("Refunded", OrderState.Refunded)]
    [InlineData("Fail", OrderState.Failed)]
    [InlineData("Completed", OrderState.Completed)]
    [InlineData("Awaiting", OrderState.Awaiting)]
    public async Task Any_word_comes_through_with_the_word_kept(string word, OrderState state)
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://x.com/word", Quantity = 100 });
        _panel.ScriptStatus(id, new SimulatedStatusStep { Status = word });

        var status = await _client.GetOrderStatusAsync(id);

        Assert.Equal((state, word), (status.State, status.StatusText));
        Assert.Equal(word == "Completed" ? 0L : 100L, status.Remains);
    }

    [Fact]
    public async Task A_link_script_applies_to_the_next_order_on_that_link_only_one_script_per_order()
    {
        const string Link = "https://instagram.com/engine-placed";
        _panel.ScriptStatusForLink(Link, new SimulatedStatusStep { Status = "Completed" });
        _panel.ScriptStatusForLink(Link, new SimulatedStatusStep { Status = "Refunded", Remains = 300 });

        var other = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/other", Quantity = 300 });
        var first = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = Link, Quantity = 300 });
        var second = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = Link, Quantity = 300 }); // the link is free: the first is over
        var third = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = Link + "/", Quantity = 300 });

        var statuses = await _client.GetOrderStatusesAsync([other, first, second, third]);

        Assert.Equal(
            [(OrderState.Pending, "Pending"), (OrderState.Completed, "Completed"), (OrderState.Refunded, "Refunded"), (OrderState.Pending, "Pending")],
            statuses.Select(s => (s.Value.State, s.Value.StatusText)));
        Assert.Equal(300L, statuses[2].Value.Remains);
    }

    [Fact]
    public async Task A_scripted_error_answers_for_that_id_while_the_other_ids_answer()
    {
        const string Link = "https://instagram.com/not-visible-yet";
        _panel.ScriptStatusForLink(
            Link,
            new SimulatedStatusStep { Error = "Incorrect order ID" },
            new SimulatedStatusStep { After = TimeSpan.FromMinutes(2), Status = "In progress", Remains = 50 });
        var hidden = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = Link, Quantity = 100 });
        var visible = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/visible", Quantity = 1000 });

        var early = await _client.GetOrderStatusesAsync([hidden, visible]);
        var single = await Assert.ThrowsAsync<PlugsmmException>(() => _client.GetOrderStatusAsync(hidden));
        var refill = await _client.RefillOrdersAsync([hidden]);
        _time.Advance(TimeSpan.FromMinutes(2));
        var later = await _client.GetOrderStatusesAsync([hidden, visible]);

        Assert.Equal(("Incorrect order ID", PlugsmmErrorReasons.InvalidOrder), (early[0].Error?.PanelError, early[0].Error?.Reason));
        Assert.Equal(OrderState.Pending, early[1].Value.State);
        Assert.Equal(("Incorrect order ID", PlugsmmErrorReasons.InvalidOrder), (single.PanelError, single.Reason));
        Assert.Equal("Incorrect order ID", refill[0].Error?.PanelError);
        Assert.Equal((OrderState.InProgress, (long?)50L), (later[0].Value.State, later[0].Value.Remains));
        Assert.Equal(OrderState.InProgress, later[1].Value.State);
        Assert.Throws<KeyNotFoundException>(() => _panel.StatusOf(visible + 1));
    }

    [Fact]
    public async Task A_scripted_final_order_cannot_be_canceled_and_a_scripted_completed_one_can_be_refilled()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/done", Quantity = 1000 });
        _panel.ScriptStatus(id, new SimulatedStatusStep { Status = "Completed" }); // the simulation would still say Pending

        var cancel = await _client.CancelOrdersAsync([id]);
        var refillId = await _client.RefillOrderAsync(id);

        Assert.Equal(("Order can not be canceled.", PlugsmmErrorReasons.CancelRefused), (cancel[0].Error?.PanelError, cancel[0].Error?.Reason));
        Assert.Equal(RefillState.Pending, (await _client.GetRefillStatusAsync(refillId)).State);
        Assert.Equal(100m - 0.9m, _panel.Balance);
    }

    [Fact]
    public async Task A_scripted_running_order_can_be_canceled_and_then_reports_canceled_with_its_remains_refunded()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/stop", Quantity = 1000 });
        _panel.ScriptStatus(
            id,
            new SimulatedStatusStep { Status = "In progress", Remains = 600 },
            new SimulatedStatusStep { After = TimeSpan.FromHours(1), Status = "Completed" });
        var early = await Assert.ThrowsAsync<PlugsmmException>(() => _client.RefillOrderAsync(id));

        var canceled = await _client.CancelOrderAsync(id);
        _time.Advance(TimeSpan.FromHours(2));
        var status = await _client.GetOrderStatusAsync(id);

        Assert.Equal(PlugsmmErrorReasons.RefillNotEligible, early.Reason);
        Assert.True(canceled);
        Assert.Equal((OrderState.Canceled, (long?)600L, (decimal?)0.36m), (status.State, status.Remains, status.Charge));
        Assert.Equal(100m - 0.36m, _panel.Balance);
    }

    [Fact]
    public async Task A_scripted_order_holds_its_link_until_its_word_is_final()
    {
        const string Link = "https://instagram.com/paused";
        _panel.ScriptStatusForLink(Link, new SimulatedStatusStep { Status = "Paused" }, new SimulatedStatusStep { After = TimeSpan.FromMinutes(10), Status = "Fail" });
        await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = Link, Quantity = 100 });

        var busy = await Assert.ThrowsAsync<PlugsmmException>(() => _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = Link, Quantity = 100 }));
        _time.Advance(TimeSpan.FromMinutes(10));
        await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = Link, Quantity = 100 });

        Assert.Equal(PlugsmmErrorReasons.ActiveOrderForLink, busy.Reason);
        Assert.Equal(2, _panel.Orders.Count);
    }

    [Fact]
    public async Task Scripts_are_checked()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://x.com/check", Quantity = 100 });

        Assert.Throws<ArgumentException>(() => _panel.ScriptStatus(id));
        Assert.Throws<ArgumentException>(() => _panel.ScriptStatus(id, new SimulatedStatusStep()));
        Assert.Throws<ArgumentException>(() => _panel.ScriptStatus(id, new SimulatedStatusStep { Status = "Completed", Error = "Incorrect order ID" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _panel.ScriptStatus(id, new SimulatedStatusStep { After = TimeSpan.FromSeconds(-1), Status = "Completed" }));
        Assert.Throws<KeyNotFoundException>(() => _panel.ScriptStatus(id + 1, new SimulatedStatusStep { Status = "Completed" }));
        Assert.Throws<ArgumentException>(() => _panel.ScriptStatusForLink(string.Empty, new SimulatedStatusStep { Status = "Completed" }));
        Assert.Equal(("Pending", 100L), _panel.StatusOf(id));
    }
}
