namespace Plugsmm.Orders.Tests;

public sealed class EventDeliveryTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public async Task A_handler_that_throws_gets_the_same_event_again_later_and_events_of_an_order_stay_in_order()
    {
        var engine = _harness.NewEngine("a");
        var order = await engine.AcceptAsync(Orders.New("k1"));
        _harness.Handler.FailNext(2);

        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Empty(_harness.Handler.Handled);
        Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k1"))!.State); // placement does not wait for delivery

        _harness.Time.Advance(_harness.Options.EventRetryDelay);
        await EngineHarness.RunUntilIdleAsync(engine);
        Assert.Empty(_harness.Handler.Handled); // the second failure doubled the wait

        _harness.Time.Advance(2 * _harness.Options.EventRetryDelay);
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal([$"{order.Id}:accepted:0", $"{order.Id}:placed:2"], _harness.Handler.Handled.Select(e => e.DedupeKey));
        Assert.Equal(3, _harness.Handler.Attempts.Count(e => e.Kind == OrderEventKind.Accepted));
        Assert.All(_harness.Handler.Attempts.Where(e => e.Kind == OrderEventKind.Accepted), e => Assert.Equal($"{order.Id}:accepted:0", e.DedupeKey));
        Assert.Equal(2, _harness.Handler.Handled[0].PreviousAttempts);
    }

    [Fact]
    public async Task An_event_is_marked_delivered_only_after_the_handler_returned()
    {
        var engine = _harness.NewEngine("a");
        await engine.AcceptAsync(Orders.New("k1"));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var blocking = new BlockingHandler(started, release);
        var engineWithBlockingHandler = _harness.NewEngine("b", handler: blocking);

        var step = engineWithBlockingHandler.RunOnceAsync(default);
        await started.Task;
        Assert.Single(_harness.Database.Query("SELECT seq FROM events WHERE kind = 0 AND delivered_at IS NULL"));
        release.SetResult();
        await step;

        Assert.Empty(_harness.Database.Query("SELECT seq FROM events WHERE kind = 0 AND delivered_at IS NULL"));
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private sealed class BlockingHandler(TaskCompletionSource started, TaskCompletionSource release) : IOrderEventHandler
    {
        public async Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await release.Task;
        }
    }
}
