using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>
/// Bad input at the API surface: nulls, blank and huge strings, non-positive and overflowing numbers, huge id lists,
/// and cancellation at every await. Invalid input fails with an <see cref="ArgumentException"/> before anything is
/// sent (the panel's ledger stays empty); cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class BadInputTests
{
    private static readonly string TenMegabytes = "https://instagram.com/" + new string('a', 10 * 1024 * 1024);

    public static IEnumerable<(string Name, Func<IPlugsmmClient, Task> Call)> InvalidCalls()
    {
        DefaultOrder Order(string link = "https://instagram.com/p/ok", int quantity = 100, long service = 1, int? runs = null, int? interval = null) =>
            new() { ServiceId = service, Link = link, Quantity = quantity, Runs = runs, Interval = interval };
        yield return ("add(null)", c => c.AddOrderAsync(null!));
        yield return ("link null", c => c.AddOrderAsync(Order(link: null!)));
        yield return ("link empty", c => c.AddOrderAsync(Order(link: string.Empty)));
        yield return ("link blank", c => c.AddOrderAsync(Order(link: " \t ")));
        yield return ("link with a line break", c => c.AddOrderAsync(Order(link: "https://x.com/a\nb")));
        yield return ("link of 10 MB", c => c.AddOrderAsync(Order(link: TenMegabytes)));
        yield return ("link one over the cap", c => c.AddOrderAsync(Order(link: new string('a', 8 * 1024 + 1))));
        yield return ("quantity 0", c => c.AddOrderAsync(Order(quantity: 0)));
        yield return ("quantity -1", c => c.AddOrderAsync(Order(quantity: -1)));
        yield return ("quantity int.MinValue", c => c.AddOrderAsync(Order(quantity: int.MinValue)));
        yield return ("service 0", c => c.AddOrderAsync(Order(service: 0)));
        yield return ("service long.MinValue", c => c.AddOrderAsync(Order(service: long.MinValue)));
        yield return ("runs without interval", c => c.AddOrderAsync(Order(runs: 2)));
        yield return ("runs -1", c => c.AddOrderAsync(Order(runs: -1, interval: 5)));
        yield return ("interval int.MinValue", c => c.AddOrderAsync(Order(runs: 2, interval: int.MinValue)));
        yield return ("comments null", c => c.AddOrderAsync(new CustomCommentsOrder { ServiceId = 4, Link = "https://x.com/c", Comments = null! }));
        yield return ("comments empty", c => c.AddOrderAsync(new CustomCommentsOrder { ServiceId = 4, Link = "https://x.com/c", Comments = [] }));
        yield return ("comment null", c => c.AddOrderAsync(new CustomCommentsOrder { ServiceId = 4, Link = "https://x.com/c", Comments = ["ok", null!] }));
        yield return ("comment of 10 MB", c => c.AddOrderAsync(new CustomCommentsOrder { ServiceId = 4, Link = "https://x.com/c", Comments = [TenMegabytes] }));
        yield return ("status 0", c => c.GetOrderStatusAsync(0));
        yield return ("status long.MinValue", c => c.GetOrderStatusAsync(long.MinValue));
        yield return ("refill -1", c => c.RefillOrderAsync(-1));
        yield return ("refill_status 0", c => c.GetRefillStatusAsync(0));
        yield return ("statuses null", c => c.GetOrderStatusesAsync(null!));
        yield return ("refills null", c => c.RefillOrdersAsync(null!));
        yield return ("refill statuses null", c => c.GetRefillStatusesAsync(null!));
        yield return ("cancel null", c => c.CancelOrdersAsync(null!));
        // A bad id anywhere, even the last of 100,001, fails the call before the first chunk goes out.
        yield return ("100,001 statuses, the last 0", c => c.GetOrderStatusesAsync([.. Enumerable.Range(1, 100_000).Select(i => (long)i), 0]));
        yield return ("cancel 250 ids, the last -5", c => c.CancelOrdersAsync([.. Enumerable.Range(1, 250).Select(i => (long)i), -5]));
        yield return ("refill 150 ids, one long.MinValue", c => c.RefillOrdersAsync([.. Enumerable.Range(1, 150).Select(i => (long)i), long.MinValue]));
    }

    [Fact]
    public async Task Invalid_input_fails_with_an_argument_exception_and_nothing_reaches_the_panel()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        var client = panel.CreateClient(o => o.Resilience.Retry.UseJitter = false);
        var cases = InvalidCalls().ToList();
        var lines = new StringBuilder();
        foreach (var (name, call) in cases)
        {
            var error = await Record.ExceptionAsync(() => call(client));
            Assert.True(error is ArgumentException, $"{name}: {error?.GetType().Name ?? "no exception"}");
            Assert.NotNull(error);
            Assert.False(string.IsNullOrWhiteSpace(error.Message), name);
            Assert.DoesNotContain(panel.ApiKey, error.Message, StringComparison.Ordinal);
            Assert.True(panel.Requests.Count == 0, $"{name}: {panel.Requests.Count} requests sent");
            lines.AppendLine(CultureInfo.InvariantCulture, $"| {name} | `{error.GetType().Name}` | {Short(error.Message)} | 0 |");
        }

        Assert.Empty(panel.Orders);
        Figures.Write("20-bad-input", new JsonObject { ["invalid_calls"] = cases.Count, ["requests_sent"] = 0 },
            $"""
            ## 2. Bad input at the API surface

            {cases.Count} invalid calls, each failing before anything is sent (requests the panel received: **0**):

            | input | exception | message | requests sent |
            |---|---|---|---|
            {lines}
            """);
    }

    [Fact]
    public async Task Extreme_but_valid_numbers_reach_the_panel_and_come_back_as_its_refusals()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        var client = panel.CreateClient(o => o.Resilience.Retry.UseJitter = false);

        // int.MaxValue × int.MaxValue drip-feed runs overflow no one: the panel refuses the total, nothing is taken.
        var overflow = await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(
            new DefaultOrder { ServiceId = 1, Link = "https://x.com/big", Quantity = int.MaxValue, Runs = int.MaxValue, Interval = int.MaxValue }));
        var unknownService = await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(new DefaultOrder { ServiceId = long.MaxValue, Link = "https://x.com/s", Quantity = 100 }));
        var noOrder = await Assert.ThrowsAsync<PlugsmmException>(() => client.GetOrderStatusAsync(long.MaxValue));
        var atCap = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/" + new string('a', 8 * 1024 - 14), Quantity = 100 });

        Assert.Equal((PlugsmmErrorKind.Permanent, "quantity_above_max", 1), (overflow.Kind, overflow.Reason, overflow.Attempts));
        Assert.Equal((PlugsmmErrorKind.Permanent, "invalid_service"), (unknownService.Kind, unknownService.Reason));
        Assert.Equal((PlugsmmErrorKind.Permanent, "invalid_order"), (noOrder.Kind, noOrder.Reason));
        Assert.Equal(atCap, Assert.Single(panel.Orders).Id);
        Assert.Equal(4, panel.Requests.Count);
    }

    [Fact]
    public async Task A_hundred_thousand_and_one_ids_go_out_in_chunks_of_a_hundred_each_answered_once()
    {
        await using var panel = SimulatedPanel.CreateDefault(new FakeTimeProvider());
        var client = panel.CreateClient();
        var first = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/one", Quantity = 100 });
        var ids = Enumerable.Range(0, 100_001).Select(i => first + i).Append(first).ToList();

        var results = await client.GetOrderStatusesAsync(ids);

        var statusRequests = panel.Requests.Where(r => r.Action == "status").ToList();
        Assert.Equal(1_001, statusRequests.Count);
        Assert.All(statusRequests, r => Assert.InRange(r.Fields["orders"].Split(',').Length, 1, 100));
        Assert.Equal(100_001, results.Count);
        Assert.Equal(ids.Distinct(), results.Select(r => r.Id));
        Assert.True(results[0].IsSuccess);
        Assert.All(results.Skip(1), r => Assert.Equal("Incorrect order ID", r.Error?.PanelError));
    }

    public static TheoryData<string, string> CancelPoints() => new()
    {
        { "pre-cancelled", "add" }, { "pre-cancelled", "status" }, { "pre-cancelled", "cancel" },
        { "before the send", "add" }, { "before the send", "status" }, { "before the send", "cancel" },
        { "after the headers", "add" }, { "after the headers", "status" }, { "after the headers", "cancel" },
        { "while reading the body", "add" }, { "while reading the body", "status" }, { "while reading the body", "cancel" },
        { "while waiting for a late answer", "add" }, { "while waiting for a late answer", "status" }, { "while waiting for a late answer", "cancel" },
        { "during the retry delay", "add" }, { "during the retry delay", "status" }, { "during the retry delay", "cancel" },
    };

    [Theory]
    [MemberData(nameof(CancelPoints))]
    public async Task Cancellation_at_every_await_surfaces_as_operation_canceled_and_never_sends_twice(string point, string action)
    {
        var time = new FakeClock();
        await using var panel = SimulatedPanel.CreateDefault(time);
        using var cts = new CancellationTokenSource();
        var stage = point switch
        {
            "before the send" => CancelStage.BeforeSend,
            "after the headers" => CancelStage.AfterHeaders,
            "while reading the body" => CancelStage.InBody,
            _ => CancelStage.None,
        };
        var client = new PlugsmmClient(
            new HttpClient(new CancellingHandler(cts, stage) { InnerHandler = panel.CreateHandler() }),
            new PlugsmmClientOptions { ApiKey = panel.ApiKey, BaseAddress = new Uri("https://simulated-panel.invalid/api/v2"), Resilience = { Retry = { UseJitter = false } } },
            timeProvider: time);
        var setup = new PlugsmmClient(new HttpClient(panel.CreateHandler()), new PlugsmmClientOptions { ApiKey = panel.ApiKey, BaseAddress = new Uri("https://simulated-panel.invalid/api/v2") }, timeProvider: time);
        var running = await setup.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://x.com/run", Quantity = 10_000 });
        var before = panel.Requests.Count;

        if (point == "pre-cancelled")
        {
            await cts.CancelAsync();
        }
        else if (point == "while waiting for a late answer")
        {
            panel.Faults.Next(PanelFault.Latency(TimeSpan.FromMinutes(5)), action);
        }
        else if (point == "during the retry delay")
        {
            panel.Faults.Next(PanelFault.TooManyRequests(TimeSpan.FromSeconds(10)), action);
        }

        Task call = action switch
        {
            "add" => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/cancel", Quantity = 100 }, cts.Token),
            "status" => client.GetOrderStatusAsync(running, cts.Token),
            _ => client.CancelOrdersAsync([running], cts.Token),
        };
        if (point is "while waiting for a late answer" or "during the retry delay")
        {
            // Once the call waits on its timer (the answer's delay, or the retry's), move fake time a little, then cancel.
            await time.WhenParkedAsync(call);
            Assert.False(call.IsCompleted, $"{point}/{action}: the call ended before it waited");
            time.Advance(TimeSpan.FromSeconds(2));
            await cts.CancelAsync();
        }

        var error = await Record.ExceptionAsync(() => call);

        Assert.True(error is OperationCanceledException, $"{point}/{action}: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        var requests = panel.Requests.Skip(before).ToList();
        Assert.InRange(requests.Count, 0, 1);
        Assert.InRange(requests.Count(r => r.Processed), 0, 1);
        if (point == "pre-cancelled")
        {
            Assert.Empty(requests);
        }
    }

    private static string Short(string message)
    {
        var text = message.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return text.Length > 110 ? text[..110] + "…" : text;
    }

    internal enum CancelStage
    {
        None,
        BeforeSend,
        AfterHeaders,
        InBody,
    }

    /// <summary>Cancels the caller's token at one point of the exchange.</summary>
    private sealed class CancellingHandler(CancellationTokenSource cts, CancelStage stage) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (stage == CancelStage.BeforeSend)
            {
                await cts.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (stage == CancelStage.AfterHeaders)
            {
                await cts.CancelAsync();
            }
            else if (stage == CancelStage.InBody)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                response.Content = new StreamContent(new CancelOnReadStream(bytes, cts));
            }

            return response;
        }
    }

    private sealed class CancelOnReadStream(byte[] bytes, CancellationTokenSource cts) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await cts.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
