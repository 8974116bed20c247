using System.Net;
using System.Net.Http.Headers;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>The no-duplicate rule counted at the handler, retries, Retry-After and cancellation.</summary>
public sealed partial class ResilienceTests
{
    public static TheoryData<string> UnknownOutcomes() => ["timeout", "reset after send", "500", "502 html", "200 html", "200 no order id"];

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public async Task An_order_whose_outcome_is_unknown_is_sent_exactly_once_and_flagged(string fault)
    {
        using var panel = Panel(o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        switch (fault)
        {
            case "timeout":
                panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent(panel.Time) });
                break;
            case "reset after send":
                panel.Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
                break;
            case "500":
                panel.Answer("""{"message":"Server Error"}""", HttpStatusCode.InternalServerError);
                break;
            case "502 html":
                panel.Answer("<html><h1>502 Bad Gateway</h1></html>", HttpStatusCode.BadGateway, "text/html");
                break;
            case "200 html":
                panel.Answer("<html>Just a moment...</html>", HttpStatusCode.OK, "text/html");
                break;
            default:
                panel.Answer("""{"status":"success"}""");
                break;
        }

        for (var i = 0; i < 5; i++)
        {
            panel.Answer("""{"order":999}""");
        }

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(panel.Requests);
        Assert.True(error.OutcomeUnknown);
        Assert.False(error.IsRetryable);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("We could not confirm your request. Please do not repeat it; our team will check it.", error.UserMessage);
    }

    [Fact]
    public async Task A_read_under_the_same_faults_is_retried_freely()
    {
        using var panel = Panel(o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30));
        panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent(panel.Time) })
            .Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            .Answer("<html>502</html>", HttpStatusCode.BadGateway, "text/html")
            .Answer("""{"status":"Completed"}""");

        var call = panel.Client.GetOrderStatusAsync(5);
        await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(OrderState.Completed, (await call).State);
        Assert.Equal(4, panel.Requests.Count);
    }

    [Fact]
    public async Task An_order_refused_before_sending_is_retried_and_placed_once()
    {
        using var panel = Panel()
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Fail(new HttpRequestException(HttpRequestError.SecureConnectionError, "TLS handshake failed"))
            .Answer("""{"order":23501}""");

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(23501, await call);
        Assert.Equal(3, panel.Requests.Count);
    }

    [Fact]
    public async Task An_order_rate_limited_with_retry_after_seconds_waits_that_long_and_is_placed_once()
    {
        using var panel = Panel()
            .Answer(() => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(5))))
            .Answer("""{"order":23501}""");

        var call = panel.Client.AddOrderAsync(Order);
        var elapsed = await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(23501, await call);
        Assert.Equal(2, panel.Requests.Count);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) + (2 * Step));
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_honoured_on_the_clients_clock()
    {
        using var panel = Panel();
        panel.Answer(() => TooManyRequests(new RetryConditionHeaderValue(panel.Time.GetUtcNow().AddSeconds(8))))
            .Answer("""{"balance":"3"}""");

        var call = panel.Client.GetBalanceAsync();
        var elapsed = await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(3m, (await call).Amount);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8) + (2 * Step));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_delay_is_not_waited_for()
    {
        using var panel = Panel().Answer(() => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromMinutes(10))));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal((PlugsmmErrorKind.RateLimited, (TimeSpan?)TimeSpan.FromMinutes(10), true), (error.Kind, error.RetryAfter, error.IsRetryable));
        Assert.Single(panel.Requests);
    }

    [Fact]
    public async Task A_rate_limit_in_the_panels_words_at_http_200_is_retried()
    {
        using var panel = Panel().Answer("""{"error":"Too many requests, slow down"}""").Answer("""{"order":7}""");

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, Step);

        Assert.Equal(7, await call);
        Assert.Equal(2, panel.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_limit_and_the_exception_counts_the_attempts()
    {
        using var panel = Panel();
        for (var i = 0; i < 4; i++)
        {
            panel.Answer("{}", HttpStatusCode.ServiceUnavailable);
        }

        var call = panel.Client.GetBalanceAsync();
        await FakeTime.DriveAsync(panel.Time, call, Step);
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Equal((4, PlugsmmErrorKind.Transient, "http_503"), (error.Attempts, error.Kind, error.Reason));
        Assert.Equal(4, panel.Requests.Count);
    }

    [Fact]
    public async Task A_caller_who_cancels_during_a_retry_delay_gets_an_operation_canceled_exception()
    {
        using var panel = Panel().Answer("{}", HttpStatusCode.ServiceUnavailable);
        using var cancel = new CancellationTokenSource();

        var call = panel.Client.GetBalanceAsync(cancel.Token);
        await panel.Time.WhenParkedAsync(call); // the 503 came back and the retry's wait is set
        Assert.Equal((1, false), (panel.Requests.Count, call.IsCompleted));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
