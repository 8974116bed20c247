using System.Net;
using System.Text;

namespace Plugsmm.Client.Tests.Client;

/// <summary>Errors are never results: a top-level error at any status, a body that is not JSON, a timeout, a redirect.</summary>
public sealed class ErrorAnswerTests
{
    public static TheoryData<string> Actions() => ["services", "add", "status", "status many", "refill", "refill many", "refill_status", "refill_status many", "cancel", "balance"];

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_top_level_error_is_an_error_for_every_action_at_http_200(string action)
    {
        using var panel = new PanelStub().Answer("""{"error":"Incorrect request"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => Call(panel.Client, action));

        Assert.Equal("Incorrect request", error.PanelError);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(action.Split(' ')[0], error.Action);
        Assert.Contains("Incorrect request", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_top_level_error_is_an_error_at_any_status(HttpStatusCode status)
    {
        using var panel = new PanelStub().Answer("""{"error":"Not enough funds on balance","order":5}""", status);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));

        Assert.Equal("Not enough funds on balance", error.PanelError);
        Assert.Equal((int)status, error.StatusCode);
    }

    [Fact]
    public async Task An_error_that_is_not_a_string_is_kept_as_its_json()
    {
        using var panel = new PanelStub().Answer("""{"error":{"code":7,"message":"Bad link"}}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal("""{"code":7,"message":"Bad link"}""", error.PanelError);
    }

    [Theory]
    [InlineData(401, PlugsmmErrorKind.Permanent)]
    [InlineData(403, PlugsmmErrorKind.Permanent)]
    [InlineData(404, PlugsmmErrorKind.Unknown)]
    [InlineData(429, PlugsmmErrorKind.RateLimited)]
    public async Task An_unreadable_page_and_an_empty_json_answer_at_the_same_status_are_classified_alike(int status, PlugsmmErrorKind kind)
    {
        using var html = new PanelStub().Answer("<html>Just a moment...</html>", (HttpStatusCode)status, "text/html");
        using var json = new PanelStub().Answer("{}", (HttpStatusCode)status);

        var page = await Assert.ThrowsAsync<PlugsmmException>(() => html.Client.GetBalanceAsync());
        var empty = await Assert.ThrowsAsync<PlugsmmException>(() => json.Client.GetBalanceAsync());

        Assert.Equal((kind, $"http_{status}"), (page.Kind, page.Reason));
        Assert.Equal((empty.Kind, empty.Reason), (page.Kind, page.Reason));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Cloudflare</body></html>", HttpStatusCode.ServiceUnavailable, "text/html")]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", HttpStatusCode.BadGateway, "text/html")]
    [InlineData("", HttpStatusCode.OK, "application/json")]
    [InlineData("{\"order\":235", HttpStatusCode.OK, "application/json")]
    [InlineData("{\"balance\":\"1\"} trailing", HttpStatusCode.OK, "application/json")]
    [InlineData("[1,2", HttpStatusCode.OK, "application/json")]
    public async Task A_body_that_is_not_json_is_an_error_with_the_status_and_a_preview(string body, HttpStatusCode status, string mediaType)
    {
        using var panel = new PanelStub().Answer(body, status, mediaType);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.StartsWith($"Unreadable answer to balance (HTTP {(int)status}, not JSON)", error.Message, StringComparison.Ordinal);
        Assert.Equal((int)status == 200 ? "invalid_json" : $"http_{(int)status}", error.Reason);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(body.Length <= 512 ? body : body[..512] + "…", error.ResponsePreview);
        Assert.Null(error.PanelError);
    }

    [Fact]
    public async Task The_preview_is_short_and_never_holds_the_api_key()
    {
        var page = "<html>" + new string('x', 300) + " key=" + PanelStub.ApiKey + " again " + PanelStub.ApiKey + new string('y', 2000) + "</html>";
        using var panel = new PanelStub().Answer(page, HttpStatusCode.BadGateway, "text/html");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetServicesAsync());

        Assert.DoesNotContain(PanelStub.ApiKey, error.ResponsePreview!, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelStub.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("key=*** again ***", error.ResponsePreview, StringComparison.Ordinal);
        // The page's own first 512 chars, keys masked, then '…'.
        Assert.Equal("<html>" + new string('x', 300) + " key=*** again ***" + new string('y', 512 - 382) + "…", error.ResponsePreview);
    }

    [Fact]
    public async Task An_answer_of_the_wrong_shape_is_an_error_not_a_default_value()
    {
        using var panel = new PanelStub().Answer("""{"status":"success"}""").Answer("""{"currency":"USD"}""").Answer("""{"services":[]}""");

        var add = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com" }));
        var balance = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());
        var services = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetServicesAsync());

        Assert.Contains("no order id; the order may or may not have been placed", add.Message, StringComparison.Ordinal);
        Assert.Contains("no balance", balance.Message, StringComparison.Ordinal);
        Assert.Contains("expected a JSON array", services.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_never_followed_and_says_why()
    {
        using var panel = new PanelStub().Answer(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://elsewhere.example/steal?x=1");
            return response;
        });

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal(302, error.StatusCode);
        Assert.Contains("'https://elsewhere.example'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Redirects are never followed", error.Message, StringComparison.Ordinal);
        Assert.Single(panel.Requests);
    }

    [Fact]
    public async Task An_answer_beyond_the_size_cap_is_not_read()
    {
        using var panel = new PanelStub(o => o.MaxResponseBytes = 1024).Answer("[" + string.Join(",", Enumerable.Repeat("1", 2000)) + "]");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetServicesAsync());

        Assert.Contains("larger than MaxResponseBytes (1024 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_outlasts_the_timeout_fails_with_the_runbooks_words_on_fake_time()
    {
        var started = new TaskCompletionSource();
        using var panel = new PanelStub();
        panel.Answer(() =>
        {
            started.SetResult();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent() };
        });

        var call = panel.Client.GetBalanceAsync();
        await started.Task;
        panel.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        panel.Time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);
        Assert.StartsWith("The call to balance timed out after 30s", error.Message, StringComparison.Ordinal);
        Assert.Equal((PlugsmmErrorKind.Transient, "timeout", false), (error.Kind, error.Reason, error.OutcomeUnknown));
    }

    [Fact]
    public async Task A_caller_who_cancels_gets_an_operation_canceled_exception()
    {
        using var panel = new PanelStub();
        panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent() });
        using var cancel = new CancellationTokenSource();

        var call = panel.Client.GetBalanceAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task A_transport_failure_is_a_plugsmm_exception()
    {
        using var panel = new PanelStub();
        panel.Fail(new HttpRequestException("Connection refused (panel.test:443)"));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Contains("could not be reached for balance", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task The_http_clients_own_timeout_is_a_plugsmm_exception_too()
    {
        using var panel = new PanelStub();
        panel.Fail(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Contains("balance was cancelled by the HttpClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_error_beside_an_order_id_leaves_the_outcome_unknown()
    {
        using var panel = new PanelStub().Answer("""{"order":151,"error":"Something went wrong"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 }));

        Assert.Equal(("error_beside_order", true), (error.Reason, error.OutcomeUnknown));
        Assert.Contains("order 151", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_add_after_it_was_sent_says_the_outcome_is_unknown_and_is_still_a_cancellation()
    {
        var started = new TaskCompletionSource();
        using var panel = new PanelStub();
        panel.Answer(() =>
        {
            started.SetResult();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent() };
        });
        using var cancel = new CancellationTokenSource();

        var call = panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 }, cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<PlugsmmOperationCanceledException>(() => call);
        Assert.True(error.OutcomeUnknown);
        Assert.Equal(("add", cancel.Token), (error.Action, error.CancellationToken));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task Cancelling_a_read_or_an_add_before_it_was_sent_is_a_plain_cancellation()
    {
        using var panel = new PanelStub();
        panel.Answer(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent() });
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var add = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 }, cancel.Token));
        var read = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => panel.Client.GetBalanceAsync(cancel.Token));

        Assert.IsNotType<PlugsmmOperationCanceledException>(add);
        Assert.IsNotType<PlugsmmOperationCanceledException>(read);
        Assert.Empty(panel.Requests);
    }

    private static Task Call(PlugsmmClient client, string action) => action switch
    {
        "services" => client.GetServicesAsync(),
        "add" => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = 10 }),
        "status" => client.GetOrderStatusAsync(1),
        "status many" => client.GetOrderStatusesAsync([1, 2]),
        "refill" => client.RefillOrderAsync(1),
        "refill many" => client.RefillOrdersAsync([1, 2]),
        "refill_status" => client.GetRefillStatusAsync(1),
        "refill_status many" => client.GetRefillStatusesAsync([1, 2]),
        "cancel" => client.CancelOrdersAsync([1, 2]),
        "balance" => client.GetBalanceAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
