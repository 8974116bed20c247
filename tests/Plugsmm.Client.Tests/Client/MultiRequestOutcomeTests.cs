using System.Net;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// Issue 15, point 1: a side-effect call over several requests never reports a definite failure while one of its
/// requests may have been carried out, and each id carries its own request's outcome.
/// </summary>
public sealed class MultiRequestOutcomeTests
{
    private static readonly List<long> Ids = [.. Enumerable.Range(1, 150).Select(i => (long)i)];

    private static HttpRequestException DroppedAfterSending() =>
        new(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    private static HttpResponseMessage TooManyRequests()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{"error":"Too many requests"}""") };
        answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        return answer;
    }

    [Theory]
    [InlineData("refill")]
    [InlineData("cancel")]
    public async Task A_rate_limited_request_then_a_dropped_one_reports_each_ids_own_outcome(string action)
    {
        using var panel = new PanelStub(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 2;
            o.Resilience.Retry.UseJitter = false;
        });
        panel.Answer(TooManyRequests).Answer(TooManyRequests).Answer(TooManyRequests).Fail(DroppedAfterSending());

        var call = action == "refill"
            ? panel.Client.RefillOrdersAsync(Ids).ContinueWith(t => t.Result.Select(r => (r.Id, r.IsSuccess, r.OutcomeUnknown, r.Error)).ToList(), TaskScheduler.Default)
            : panel.Client.CancelOrdersAsync(Ids).ContinueWith(t => t.Result.Select(r => (r.Id, r.IsSuccess, r.OutcomeUnknown, r.Error)).ToList(), TaskScheduler.Default);
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromMilliseconds(100));
        var items = await call;

        Assert.Equal(4, panel.Requests.Count);                                       // 3 attempts of the first, 1 of the second
        Assert.Equal(Ids, items.Select(i => i.Id));
        Assert.All(items.Take(100), i =>
        {
            Assert.False(i.IsSuccess);
            Assert.False(i.OutcomeUnknown);                                           // 429: certainly not carried out
            Assert.Equal((PlugsmmErrorKind.RateLimited, true), (i.Error!.Kind, i.Error.IsRetryable));
        });
        Assert.All(items.Skip(100), i =>
        {
            Assert.False(i.IsSuccess);
            Assert.True(i.OutcomeUnknown);                                            // may have been carried out
            Assert.Equal(("connection_dropped", false), (i.Error!.Reason, i.Error.IsRetryable));
        });
    }

    [Fact]
    public async Task An_unknown_first_request_then_a_refused_one_is_not_reported_as_the_refusal()
    {
        using var panel = new PanelStub();
        panel.Fail(DroppedAfterSending()).Answer("""{"error":"Invalid API key"}""");

        var items = await panel.Client.RefillOrdersAsync(Ids);

        Assert.All(items.Take(100), i => Assert.True(i.OutcomeUnknown));
        Assert.All(items.Skip(100), i => Assert.Equal(("invalid_api_key", false), (i.Error!.Reason, i.OutcomeUnknown)));
    }

    [Fact]
    public async Task Every_request_failing_with_a_known_outcome_throws_the_first_failure()
    {
        using var panel = new PanelStub();
        panel.Answer("""{"error":"Invalid API key"}""").Answer("""{"error":"Incorrect request"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.CancelOrdersAsync(Ids));

        Assert.Equal(("invalid_api_key", false), (error.Reason, error.OutcomeUnknown));
        Assert.Equal(2, panel.Requests.Count);
    }

    [Fact]
    public async Task One_request_that_may_have_been_carried_out_throws_its_own_unknown_outcome()
    {
        using var panel = new PanelStub();
        panel.Fail(DroppedAfterSending());

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.RefillOrdersAsync([1, 2, 3]));

        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task Reads_over_several_requests_that_all_fail_still_throw()
    {
        using var panel = new PanelStub();
        panel.Answer("<html>502</html>", HttpStatusCode.BadGateway, "text/html").Fail(DroppedAfterSending());

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusesAsync(Ids));

        Assert.Equal((502, false), (error.StatusCode, error.OutcomeUnknown));
    }
    [Fact]
    public async Task Cancelling_between_requests_of_a_side_effect_says_the_earlier_ones_may_have_been_carried_out()
    {
        using var cancel = new CancellationTokenSource();
        using var panel = new PanelStub(logger: new CancelOnLog(cancel));
        panel.Answer(Refilled(Ids.Take(100))).Answer(Refilled(Ids.Skip(100)));

        var error = await Assert.ThrowsAsync<PlugsmmOperationCanceledException>(() => panel.Client.RefillOrdersAsync(Ids, cancel.Token));

        Assert.Single(panel.Requests);                                               // the second was never sent...
        Assert.True(error.OutcomeUnknown);                                           // ...but the first may have been carried out
        Assert.Contains("for 100 of its 150 distinct ids", error.Message, StringComparison.Ordinal);
        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Cancelling_during_a_later_request_names_every_id_sent_so_far()
    {
        using var cancel = new CancellationTokenSource();
        using var panel = new PanelStub();
        panel.Answer(Refilled(Ids.Take(100))).Answer(() =>
        {
            cancel.Cancel();
            return PanelStub.Json("[]");
        });

        var error = await Assert.ThrowsAsync<PlugsmmOperationCanceledException>(() => panel.Client.CancelOrdersAsync(Ids, cancel.Token));

        Assert.Equal(2, panel.Requests.Count);
        Assert.Contains("for 150 of its 150 distinct ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_after_a_request_refused_outright_is_a_plain_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        using var panel = new PanelStub(logger: new CancelOnLog(cancel, cancelOn: 1003));   // after the refusal is read
        panel.Answer("""{"error":"Invalid API key"}""");                         // refused: nothing was carried out

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => panel.Client.RefillOrdersAsync(Ids, cancel.Token));

        Assert.IsNotType<PlugsmmOperationCanceledException>(error);
        Assert.Single(panel.Requests);
    }

    [Fact]
    public async Task Cancelling_a_read_between_requests_is_a_plain_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        using var panel = new PanelStub(logger: new CancelOnLog(cancel));
        panel.Answer("{" + string.Join(",", Ids.Take(100).Select(id => $"\"{id}\":{{\"status\":\"Pending\"}}")) + "}");

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => panel.Client.GetOrderStatusesAsync(Ids, cancel.Token));

        Assert.IsNotType<PlugsmmOperationCanceledException>(error);
    }

    [Theory]
    [InlineData("refill", """[{"order":1,"refill":"r_9f2"},{"order":2,"refill":7}]""", "r_9f2")]
    [InlineData("refill", """[{"order":1,"refill":null},{"order":2,"refill":7}]""", "no refill id")]
    [InlineData("refill", """[{"order":2,"refill":7}]""", "no entry")]
    [InlineData("cancel", """[{"order":1,"cancel":"queued"},{"order":2,"cancel":1}]""", "queued")]
    [InlineData("cancel", """[{"order":2,"cancel":1}]""", "no entry")]
    public async Task An_item_a_side_effect_answer_does_not_make_clear_may_have_been_carried_out(string action, string answer, string said)
    {
        using var panel = new PanelStub();
        panel.Answer(answer);

        var items = action == "refill"
            ? (await panel.Client.RefillOrdersAsync([1, 2])).Select(r => (r.Id, r.IsSuccess, r.OutcomeUnknown, r.Error)).ToList()
            : (await panel.Client.CancelOrdersAsync([1, 2])).Select(r => (r.Id, r.IsSuccess, r.OutcomeUnknown, r.Error)).ToList();

        Assert.Equal((1L, false, true), (items[0].Id, items[0].IsSuccess, items[0].OutcomeUnknown));
        Assert.Contains(said, items[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal((2L, true, false), (items[1].Id, items[1].IsSuccess, items[1].OutcomeUnknown));
    }

    [Fact]
    public async Task An_id_a_status_answer_leaves_out_is_a_plain_failure()
    {
        using var panel = new PanelStub();
        panel.Answer("""{"2":{"status":"Pending"}}""");

        var items = await panel.Client.GetOrderStatusesAsync([1, 2]);

        Assert.Equal((false, false), (items[0].IsSuccess, items[0].OutcomeUnknown));
        Assert.True(items[1].IsSuccess);
    }

    [Fact]
    public async Task When_one_request_of_a_multi_call_fails_the_others_results_are_kept()
    {
        var ids = Enumerable.Range(1, 150).Select(i => (long)i).ToList();
        using var panel = new PanelStub()
            .Answer("[" + string.Join(",", ids.Take(100).Select(id => $"{{\"order\":{id},\"cancel\":1}}")) + "]")
            .Answer("<html>500</html>", HttpStatusCode.InternalServerError, "text/html");

        var results = await panel.Client.CancelOrdersAsync(ids);

        Assert.Equal(150, results.Count);
        Assert.All(results.Take(100), r => Assert.True(r.Value));
        Assert.All(results.Skip(100), r =>
        {
            Assert.False(r.IsSuccess);
            Assert.True(r.Error!.OutcomeUnknown);
            Assert.StartsWith("Unreadable answer to cancel (HTTP 500, not JSON)", r.Error!.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task When_every_request_of_a_multi_call_fails_the_call_throws()
    {
        using var panel = new PanelStub().Answer("""{"error":"Invalid API key"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.CancelOrdersAsync([1, 2]));

        Assert.Equal("invalid_api_key", error.Reason);
    }

    private static Func<HttpResponseMessage> Refilled(IEnumerable<long> ids) =>
        () => PanelStub.Json("[" + string.Join(",", ids.Select(id => $"{{\"order\":{id},\"refill\":{id + 1000}}}")) + "]");

    /// <summary>Cancels the caller's token when a call logs <c>cancelOn</c> (1002 succeeded, 1003 failed): between one request of a multi-id call and the next.</summary>
    private sealed class CancelOnLog(CancellationTokenSource cancel, int cancelOn = 1002) : Microsoft.Extensions.Logging.ILogger<PlugsmmClient>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == cancelOn)
            {
                cancel.Cancel();
            }
        }
    }
}
