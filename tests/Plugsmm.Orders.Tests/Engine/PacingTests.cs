using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// <see cref="PlugsmmOrdersOptions.RequestsPerMinute"/>: every request to a panel waits its turn, so tracking stays
/// under the panel's sliding-minute limit (the simulated panel's <see cref="SimulatedPanel.RateLimitPerMinute"/>), and a
/// 429's <c>Retry-After</c> holds the panel's next request.
/// </summary>
public sealed class PacingTests : IAsyncDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly EngineHarness _harness = new();
    private readonly ParkingClock _clock;

    public PacingTests()
    {
        _clock = new ParkingClock(_harness.Time);

        // Every tracked order is due again a second after its refresh: only the pacing limits the requests. Requests
        // carry 10 ids (not 100) to keep the SQLite writes of a test few: 100 orders are 10 requests, as 1,000 are at 100.
        _harness.Options.BatchSize = 10;
        _harness.Options.TrackingDelay = TimeSpan.FromSeconds(1);
        _harness.Options.MaxTrackingInterval = TimeSpan.FromSeconds(1);
    }

    [Fact]
    public async Task Tracked_orders_are_refreshed_at_R_requests_a_minute_with_no_429_and_no_minute_over_R()
    {
        const int limit = 20;
        var providerIds = await PlaceAsync(100);
        _harness.Panel.RateLimitPerMinute = limit;
        var start = _harness.Time.GetUtcNow();
        var before = (int)_harness.Panel.RequestCount;

        await _clock.RunForAsync(NewPacedEngine(limit), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));

        var requests = _harness.Panel.Requests.Skip(before).ToList();
        Assert.DoesNotContain(requests, r => r.Fault?.StatusCode == 429);
        Assert.All(requests, r => Assert.Contains(r.Action, new[] { "status", "balance" }));
        Assert.Single(requests, r => r.Action == "balance"); // the engine's first balance check takes one turn too
        var statuses = requests.Where(r => r.Action == "status").ToList();
        for (var i = 0; i + limit < requests.Count; i++)
        {
            Assert.True(requests[i + limit].At - requests[i].At >= Minute, $"requests {i} and {i + limit} are less than a minute apart");
        }

        // 2 minutes at 20 a minute, 3 s apart; 100 orders are 10 requests of 10: a cycle within 30 s (BatchSize·R a minute).
        Assert.InRange(requests.Count, 2 * limit - 1, 2 * limit + 1);
        var polls = statuses.SelectMany(r => r.Fields["orders"].Split(',')).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(providerIds.Order(), polls.Keys.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).Order());
        Assert.True(polls.Values.Min() >= 3, $"an order was refreshed only {polls.Values.Min()} times in 2 minutes");
        var firstCycle = statuses.Take(10).ToList();
        Assert.Equal(100, firstCycle.SelectMany(r => r.Fields["orders"].Split(',')).Distinct().Count());
        Assert.True(firstCycle[^1].At - start < TimeSpan.FromSeconds(33), $"the first cycle took {firstCycle[^1].At - start}"); // 11 turns of 3 s
    }

    [Fact]
    public async Task A_429_from_a_panel_with_a_lower_limit_holds_the_next_request_for_its_Retry_After()
    {
        await PlaceAsync(30);
        _harness.Panel.RateLimitPerMinute = 10;     // the panel takes half of what the engine was told
        var start = _harness.Time.GetUtcNow();
        var before = (int)_harness.Panel.RequestCount;

        await _clock.RunForAsync(NewPacedEngine(20), TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(1));

        var requests = _harness.Panel.Requests.Skip(before).ToList();
        var refused = requests.Select((r, i) => (Request: r, Index: i)).Where(x => x.Request.Fault?.StatusCode == 429).ToList();
        Assert.NotEmpty(refused);
        foreach (var (request, index) in refused.Where(x => x.Index + 1 < requests.Count))
        {
            var wait = request.Fault!.RetryAfter!.Value;
            Assert.True(requests[index + 1].At - request.At >= wait, $"a request came {requests[index + 1].At - request.At} after a 429 asking for {wait}");
        }

        // One refusal a minute at most: after each, the engine waits out the panel's window.
        Assert.InRange(refused.Count, 1, 5);
    }

    [Fact]
    public async Task A_call_over_more_than_100_ids_is_sent_as_paced_requests_of_100()
    {
        long[] providerIds = [.. Enumerable.Range(1, 250).Select(i => (long)i)];   // not on the panel: each answered with its own error
        var start = _harness.Time.GetUtcNow();
        var before = (int)_harness.Panel.RequestCount;
        var client = PacedPlugsmmClient.Wrap(_ => _harness.Client, new PlugsmmOrdersOptions { RequestsPerMinute = 20 }, _clock)(string.Empty);

        var answers = await _clock.DriveAsync(client.GetOrderStatusesAsync([.. providerIds, providerIds[0]]));

        Assert.Equal(providerIds, answers.Select(a => a.Id));
        var requests = _harness.Panel.Requests.Skip(before).ToList();
        Assert.Equal([100, 100, 50], requests.Select(r => r.Fields["orders"].Split(',').Length));
        Assert.Equal([0d, 3d, 6d], requests.Select(r => (r.At - start).TotalSeconds));
    }

    [Fact]
    public async Task An_add_canceled_while_it_waits_for_its_turn_sent_nothing_and_its_order_waits_not_unknown()
    {
        _harness.Panel.SetBalance(100m);
        var engine = NewPacedEngine(1);     // a request a minute
        await engine.AcceptAsync(Orders.New("first"));
        await engine.AcceptAsync(Orders.New("second"));
        using var stopping = new CancellationTokenSource();

        var step = Task.Run(() => engine.RunOnceAsync(stopping.Token));
        Assert.Equal(TimeSpan.FromMinutes(1), await _clock.ParkedAsync());   // "first" went at once; "second" waits its turn
        await stopping.CancelAsync();
        try
        {
            await step;
        }
        catch (OperationCanceledException)
        {
            // the step ends as the host stops
        }

        Assert.Equal(1, _harness.Panel.Requests.Count(r => r.Action == "add"));
        var second = (await engine.FindAsync("second"))!;
        Assert.Equal((LocalOrderState.Waiting, "canceled_before_sending"), (second.State, second.Reason));
        Assert.Empty(await engine.ListUnresolvedAsync());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(100_001, false)]
    [InlineData(1, true)]
    [InlineData(100_000, true)]
    [InlineData(null, true)]
    public void RequestsPerMinute_is_1_to_100000_or_null(int? value, bool valid)
    {
        var result = new PlugsmmOrdersOptionsValidator(storeRegistered: true).Validate(null, new PlugsmmOrdersOptions { RequestsPerMinute = value });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("RequestsPerMinute", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>Accepts and places orders with no pacing and no panel limit; returns their panel ids.</summary>
    private async Task<long[]> PlaceAsync(int count)
    {
        _harness.Panel.SetBalance(10_000m);
        var engine = _harness.NewEngine("setup");
        for (var i = 0; i < count; i++)
        {
            await engine.AcceptAsync(Orders.New("k" + i.ToString(CultureInfo.InvariantCulture)));
        }

        await EngineHarness.RunUntilIdleAsync(engine);
        var placed = _harness.Panel.Orders.Select(o => o.Id).ToArray();
        Assert.Equal(count, placed.Length);
        return placed;
    }

    private OrderEngine NewPacedEngine(int requestsPerMinute)
    {
        var options = new PlugsmmOrdersOptions
        {
            DatabasePath = _harness.Database.Path,
            Owner = "paced",
            BatchSize = _harness.Options.BatchSize,
            TrackingDelay = _harness.Options.TrackingDelay,
            MaxTrackingInterval = _harness.Options.MaxTrackingInterval,
            RequestsPerMinute = requestsPerMinute,
        };
        return new OrderEngine(_harness.NewStore(), _ => _harness.Client, _harness.Handler, options, NullLogger.Instance, _clock);
    }
}
