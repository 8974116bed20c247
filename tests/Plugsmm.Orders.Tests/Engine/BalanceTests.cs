namespace Plugsmm.Orders.Tests;

/// <summary>Balance checks through the engine: the alert once per crossing reaches the handler; a top-up places the orders waiting for funds.</summary>
public sealed class BalanceTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private readonly EngineHarness _harness = new();

    public BalanceTests()
    {
        _harness.Options.BalanceCheckInterval = Interval;
        _harness.Options.LowBalanceThreshold = 50m;
    }

    [Fact]
    public async Task The_handler_hears_of_a_low_balance_once_per_crossing_not_once_per_check()
    {
        var engine = _harness.NewEngine("a");
        await CheckAsync(engine, 100m);
        await CheckAsync(engine, 40m);
        await CheckAsync(engine, 30m);
        await CheckAsync(engine, 20m);
        await CheckAsync(engine, 80m);
        await CheckAsync(engine, 10m);

        var panelEvents = _harness.Handler.Handled.Where(e => e.OrderId == 0).ToList();
        Assert.Equal([OrderEventKind.LowBalance, OrderEventKind.BalanceRestored, OrderEventKind.LowBalance], panelEvents.Select(e => e.Kind));
        Assert.Equal([40m, 80m, 10m], panelEvents.Select(e => e.Balance));
        Assert.Equal(6, _harness.Panel.Requests.Count(r => r.Action == "balance")); // one per interval, not one per step
    }

    [Fact]
    public async Task A_restarted_engine_does_not_alert_again_for_the_same_crossing()
    {
        await CheckAsync(_harness.NewEngine("a"), 40m);
        await CheckAsync(_harness.NewEngine("b"), 35m);

        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.LowBalance);
    }

    [Fact]
    public async Task A_failed_check_is_tried_at_the_next_interval_and_raises_nothing_meanwhile()
    {
        _harness.Panel.SetBalance(10m);
        _harness.Panel.Faults.Next(Plugsmm.Client.Testing.PanelFault.ServerError(503), action: "balance");
        var engine = _harness.NewEngine("a");
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.DoesNotContain(_harness.Handler.Handled, e => e.Kind == OrderEventKind.LowBalance);

        _harness.Time.Advance(Interval);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Single(_harness.Handler.Handled, e => e.Kind == OrderEventKind.LowBalance);
    }

    [Fact]
    public async Task An_order_waiting_for_funds_is_placed_at_the_first_check_after_a_top_up_not_at_the_end_of_its_backoff()
    {
        _harness.Options.RetryDelay = TimeSpan.FromMinutes(20);
        _harness.Panel.SetBalance(0.1m);
        var engine = _harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("k1"));
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal((LocalOrderState.Waiting, "insufficient_funds"), ((await engine.FindAsync("k1"))!.State, (await engine.FindAsync("k1"))!.Reason));

        _harness.Time.Advance(Interval); // no top-up: the order keeps its backoff
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Waiting, (await engine.FindAsync("k1"))!.State);

        _harness.Panel.SetBalance(100m);
        _harness.Time.Advance(Interval); // 10 minutes in, half the backoff
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State);
        Assert.Single(_harness.Panel.Orders);
    }

    /// <summary>Sets the panel's balance, lets a check come due and runs the engine.</summary>
    private async Task CheckAsync(OrderEngine engine, decimal balance)
    {
        _harness.Panel.SetBalance(balance);
        await EngineHarness.RunUntilIdleAsync(engine);
        _harness.Time.Advance(Interval);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
