using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary><see cref="PlugsmmOrdersOptions.MaxConcurrentPlacements"/>: a batch's <c>add</c>s overlap up to the limit, each order still placed once.</summary>
public sealed class ConcurrentPlacementTests : IAsyncDisposable
{
    private readonly EngineHarness _harness = new();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_batch_has_at_most_the_configured_adds_in_flight_and_places_each_order_once(int limit)
    {
        _harness.Options.MaxConcurrentPlacements = limit;
        var probe = new InFlightProbe(_harness.Client);
        var engine = _harness.NewEngine("a", client: probe);
        for (var i = 0; i < 10; i++)
        {
            await engine.AcceptAsync(Orders.New("k" + i));
        }

        var step = engine.RunOnceAsync(default);
        for (var i = 0; i < limit; i++)
        {
            await probe.Arrived.WaitAsync(); // the first wave: exactly `limit` adds reach the panel and wait there
        }

        Assert.Equal(limit, probe.InFlight);
        Assert.Equal(0, probe.Arrived.CurrentCount); // no add beyond the limit while they wait
        probe.Open();
        await step;
        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Equal(limit, probe.MaxInFlight);
        Assert.Equal(10, _harness.Panel.Orders.Count);
        Assert.Equal(10, _harness.Panel.Orders.Select(o => o.Link).Distinct().Count());
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(LocalOrderState.Placed, (await engine.FindAsync("k" + i))!.State);
        }
    }

    [Fact]
    public async Task Orders_on_one_link_are_never_placed_at_once_however_many_slots()
    {
        _harness.Options.MaxConcurrentPlacements = 8;
        var engine = _harness.NewEngine("a");
        for (var i = 0; i < 5; i++)
        {
            await engine.AcceptAsync(Orders.New("k" + i, link: "https://instagram.com/one"));
        }

        await EngineHarness.RunUntilIdleAsync(engine);

        Assert.Single(_harness.Panel.Orders);
        Assert.Single(_harness.Panel.Requests, r => r.Action == "add");
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>The panel's client, whose <c>add</c>s wait at a gate the test opens, counting how many are in flight.</summary>
    private sealed class InFlightProbe(IPlugsmmClient inner) : ForwardingClient(inner)
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _max;

        public SemaphoreSlim Arrived { get; } = new(0);

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MaxInFlight => Volatile.Read(ref _max);

        public void Open() => _gate.TrySetResult();

        public override async Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            Arrived.Release();
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
                return await Inner.AddOrderAsync(order, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
