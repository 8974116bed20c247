using System.Text;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The simulated panel itself: catalogue, charges, lifecycle, refills, cancels and its error strings.</summary>
public sealed class SimulatedPanelTests : IAsyncLifetime
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
    public async Task The_catalogue_comes_back_typed_with_numbers_as_strings_on_the_wire()
    {
        var services = await _client.GetServicesAsync();

        Assert.Equal(_panel.Services.Select(s => s.Id), services.Select(s => s.Id));
        var followers = services[0];
        Assert.Equal((0.90m, 50L, 10_000L, (bool?)true, (bool?)true), (followers.RatePer1000, followers.Min, followers.Max, followers.Refill, followers.Cancel));
        Assert.Equal("Custom Comments", services[3].Type);
        Assert.True(services[2].DripFeed);
    }

    [Fact]
    public async Task An_order_charges_rate_times_quantity_over_1000_and_the_ledger_records_it()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/p/a~b?x=1&y=2#c", Quantity = 1000 });

        var order = Assert.Single(_panel.Orders);
        Assert.Equal((id, "https://instagram.com/p/a~b?x=1&y=2#c", 1000L, 0.27819m), (order.Id, order.Link, order.Quantity, order.Charge));
        Assert.Equal(100m - 0.27819m, _panel.Balance);
        Assert.Equal(-0.27819m, _panel.BalanceHistory[^1].Amount);
        Assert.Equal($"order {id}", _panel.BalanceHistory[^1].Reason);
        var request = _panel.Requests[^1];
        Assert.Equal(("add", "***", true), (request.Action, request.Fields["key"], request.Processed));
        Assert.Equal(100m - 0.27819m, (await _client.GetBalanceAsync()).Amount);
    }

    [Fact]
    public async Task A_drip_feed_order_is_charged_for_every_run()
    {
        await _client.AddOrderAsync(new DefaultOrder { ServiceId = 3, Link = "https://tiktok.com/@a/video/1", Quantity = 1000, Runs = 5, Interval = 30 });

        Assert.Equal((5000L, 0.06m), (_panel.Orders[0].Quantity, _panel.Orders[0].Charge));
    }

    [Fact]
    public async Task Orders_move_from_pending_to_in_progress_to_completed_on_the_panels_clock()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 250 });

        var pending = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromMinutes(2));
        var running = await _client.GetOrderStatusAsync(id);
        _time.Advance(TimeSpan.FromMinutes(2));
        var done = await _client.GetOrderStatusAsync(id);

        Assert.Equal((OrderState.Pending, (long?)250L), (pending.State, pending.Remains));
        Assert.Equal((OrderState.InProgress, (long?)150L), (running.State, running.Remains));
        Assert.Equal((OrderState.Completed, (long?)0L, (decimal?)0.225m, "USD"), (done.State, done.Remains, done.Charge, done.Currency));
    }

    [Fact]
    public async Task A_service_that_drops_ends_partial_and_refunds_the_rest()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 7, Link = "https://youtube.com/@c", Quantity = 1000 });
        _time.Advance(TimeSpan.FromHours(1));

        var status = await _client.GetOrderStatusAsync(id);

        Assert.Equal((OrderState.Partial, (long?)200L, (decimal?)6.4m), (status.State, status.Remains, status.Charge));
        Assert.Equal(100m - 8m + 1.6m, _panel.Balance);
        Assert.Contains(_panel.BalanceHistory, c => c.Reason == $"refund of order {id} (partial)" && c.Amount == 1.6m);
    }

    [Fact]
    public async Task One_active_order_per_link()
    {
        await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/bob", Quantity = 100 });

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/bob", Quantity = 100 }));
        _time.Advance(TimeSpan.FromHours(1));
        await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/bob", Quantity = 100 });

        Assert.Equal(("You have active order with this link. Please wait until order being completed.", "active_order_for_link"), (error.PanelError, error.Reason));
        Assert.Equal(2, _panel.Orders.Count);
    }

    public static TheoryData<string, OrderRequest, string, PlugsmmErrorKind> Refusals() => new()
    {
        { "service", new DefaultOrder { ServiceId = 99, Link = "https://x.com/a", Quantity = 100 }, "Incorrect service ID", PlugsmmErrorKind.Permanent },
        { "min", new DefaultOrder { ServiceId = 1, Link = "https://x.com/a", Quantity = 10 }, "Quantity less than minimal 50", PlugsmmErrorKind.Permanent },
        { "max", new DefaultOrder { ServiceId = 1, Link = "https://x.com/a", Quantity = 20_000 }, "Quantity more than maximum 10000", PlugsmmErrorKind.Permanent },
        { "drip max", new DefaultOrder { ServiceId = 1, Link = "https://x.com/a", Quantity = 5000, Runs = 3, Interval = 10 }, "Quantity more than maximum 10000", PlugsmmErrorKind.Permanent },
        { "funds", new DefaultOrder { ServiceId = 7, Link = "https://x.com/a", Quantity = 20_000 }, "Not enough funds on balance", PlugsmmErrorKind.InsufficientFunds },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refusals_use_the_panels_own_words_at_http_200_and_charge_nothing(string name, OrderRequest order, string message, PlugsmmErrorKind kind)
    {
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => _client.AddOrderAsync(order));

        Assert.Equal((message, 200, kind), (error.PanelError, error.StatusCode, error.Kind));
        Assert.Empty(_panel.Orders);
        Assert.Equal(100m, _panel.Balance);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        _panel.ApiKey = "another-key";

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => _client.GetBalanceAsync());

        Assert.Equal(("Invalid API key", PlugsmmErrorKind.Permanent), (error.PanelError, error.Kind));
    }

    [Fact]
    public async Task Many_statuses_carry_each_unknown_ids_own_error()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://x.com/p", Quantity = 100 });

        var results = await _client.GetOrderStatusesAsync([id, 1]);

        Assert.Equal(OrderState.Pending, results[0].Value.State);
        Assert.Equal("Incorrect order ID", results[1].Error?.PanelError);
    }

    [Fact]
    public async Task Refills_are_taken_for_finished_refillable_orders_only()
    {
        var refillable = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/r", Quantity = 100 });
        var other = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://x.com/o", Quantity = 100 });

        var early = await Assert.ThrowsAsync<PlugsmmException>(() => _client.RefillOrderAsync(refillable));
        _time.Advance(TimeSpan.FromHours(1));
        var refillId = await _client.RefillOrderAsync(refillable);
        var many = await _client.RefillOrdersAsync([refillable, other, 42]);
        var pending = await _client.GetRefillStatusAsync(refillId);
        _time.Advance(TimeSpan.FromMinutes(10));
        var statuses = await _client.GetRefillStatusesAsync([refillId, 7]);

        Assert.Equal("Order not eligible for refill.", early.PanelError);
        Assert.Equal("The refill task is not completed for this order", many[0].Error?.PanelError); // the first refill still runs
        Assert.Equal(("Order not eligible for refill.", "Incorrect order ID"), (many[1].Error?.PanelError, many[2].Error?.PanelError));
        Assert.Equal(RefillState.Pending, pending.State);
        Assert.Equal(RefillState.Completed, statuses[0].Value.State);
        Assert.Equal("Refill not found", statuses[1].Error?.PanelError);
    }

    [Fact]
    public async Task Cancels_refund_what_was_not_delivered()
    {
        var id = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/c", Quantity = 1000 });
        var notCancelable = await _client.AddOrderAsync(new DefaultOrder { ServiceId = 3, Link = "https://x.com/v", Quantity = 1000 });
        _time.Advance(TimeSpan.FromMinutes(3));

        var results = await _client.CancelOrdersAsync([id, notCancelable, 5]);

        Assert.True(results[0].Value);
        Assert.Equal("Order can not be canceled.", results[1].Error?.PanelError);
        Assert.Equal("Incorrect order ID", results[2].Error?.PanelError);
        var status = await _client.GetOrderStatusAsync(id);
        Assert.Equal((OrderState.Canceled, (long?)800L), (status.State, status.Remains));
        Assert.Equal(0.18m, _panel.Orders[0].Charge);
    }

    [Fact]
    public async Task Every_order_type_is_accepted_with_its_fields_as_php_parsed_them()
    {
        var comments = await _client.AddOrderAsync(new CustomCommentsOrder { ServiceId = 4, Link = "https://x.com/p/1", Comments = ["Nice! 🔥", "a & b", "100% +1"] });
        var package = await _client.AddOrderAsync(new PackageOrder { ServiceId = 5, Link = "https://t.me/chan" });
        var subscription = await _client.AddOrderAsync(new SubscriptionsOrder { ServiceId = 6, Username = "alice", Min = 100, Max = 200, Posts = 3, Delay = 30, Expiry = new DateOnly(2027, 1, 31) });

        var orders = _panel.Orders.ToDictionary(o => o.Id);
        Assert.Equal(("Nice! 🔥\na & b\n100% +1", 3L), (orders[comments].Fields["comments"], orders[comments].Quantity));
        Assert.Equal(1000L, orders[package].Quantity);
        Assert.Equal(("alice", "31/01/2027", 600L, (string?)null), (orders[subscription].Fields["username"], orders[subscription].Fields["expiry"], orders[subscription].Quantity, orders[subscription].Link));
    }

    [Fact]
    public async Task A_drip_feed_whose_total_would_overflow_is_refused_and_charges_nothing()
    {
        await using var simulated = SimulatedPanel.CreateDefault();
        using var http = new HttpClient(simulated.CreateHandler());
        var body = PhpFormEncoder.Encode([new("key", simulated.ApiKey), new("action", "add"), new("service", 1), new("link", "https://x.com/o"), new("quantity", 100), new("runs", 9223372036854776L), new("interval", 5)]);

        using var response = await http.PostAsync(new Uri("https://panel.test/api/v2"), new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal("""{"error":"Quantity more than maximum 10000"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(100m, simulated.Balance);
    }
}
