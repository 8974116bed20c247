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
            o.Resilience.MaxRetryAttempts = 2;
            o.Resilience.UseJitter = false;
        });
        panel.Answer(TooManyRequests).Answer(TooManyRequests).Answer(TooManyRequests).Fail(DroppedAfterSending());

        var call = action == "refill"
            ? panel.Client.RefillOrdersAsync(Ids).ContinueWith(t => t.Result.Select(r => (r.Id, r.IsSuccess, r.OutcomeUnknown, r.Exception)).ToList(), TaskScheduler.Default)
            : panel.Client.CancelOrdersAsync(Ids).ContinueWith(t => t.Result.Select(r => (r.Id, r.IsSuccess, r.OutcomeUnknown, r.Exception)).ToList(), TaskScheduler.Default);
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromMilliseconds(100));
        var items = await call;

        Assert.Equal(4, panel.Requests.Count);                                       // 3 attempts of the first, 1 of the second
        Assert.Equal(Ids, items.Select(i => i.Id));
        Assert.All(items.Take(100), i =>
        {
            Assert.False(i.IsSuccess);
            Assert.False(i.OutcomeUnknown);                                           // 429: certainly not carried out
            Assert.Equal((PlugsmmErrorKind.RateLimited, true), (i.Exception!.Kind, i.Exception.IsRetryable));
        });
        Assert.All(items.Skip(100), i =>
        {
            Assert.False(i.IsSuccess);
            Assert.True(i.OutcomeUnknown);                                            // may have been carried out
            Assert.Equal(("connection_dropped", false), (i.Exception!.Reason, i.Exception.IsRetryable));
        });
    }

    [Fact]
    public async Task An_unknown_first_request_then_a_refused_one_is_not_reported_as_the_refusal()
    {
        using var panel = new PanelStub();
        panel.Fail(DroppedAfterSending()).Answer("""{"error":"Invalid API key"}""");

        var items = await panel.Client.RefillOrdersAsync(Ids);

        Assert.All(items.Take(100), i => Assert.True(i.OutcomeUnknown));
        Assert.All(items.Skip(100), i => Assert.Equal(("invalid_api_key", false), (i.Exception!.Reason, i.OutcomeUnknown)));
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
}
