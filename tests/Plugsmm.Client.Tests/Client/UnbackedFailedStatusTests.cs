using System.Net;

namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// A status word that reads as <see cref="OrderState.Failed"/> (<c>error</c>, <c>fail</c>, <c>failed</c>,
/// <c>rejected</c>) is believed only beside one of the order's own fields (<c>charge</c>, <c>start_count</c>,
/// <c>remains</c>): <c>{"status":"error","message":"…"}</c> is an error envelope some panels send, not an order that
/// failed, and a bot that refunds failed orders would refund a running one.
/// </summary>
public sealed class UnbackedFailedStatusTests
{
    [Fact]
    public async Task An_error_envelope_with_a_message_is_the_panels_error_not_a_failed_order()
    {
        using var panel = new PanelStub().Answer("""{"status":"error","message":"Service temporarily unavailable"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusAsync(1));

        Assert.Equal("Service temporarily unavailable", error.PanelError);
        Assert.Contains("Service temporarily unavailable", error.Message, StringComparison.Ordinal);
        Assert.Equal((PlugsmmErrorKind.Unknown, 200), (error.Kind, error.StatusCode));
    }

    [Fact]
    public async Task An_error_envelopes_message_is_classified_by_the_rules()
    {
        using var panel = new PanelStub(o => o.ErrorRules.Add(new PlugsmmErrorRule { Pattern = "temporarily unavailable", Kind = PlugsmmErrorKind.Transient, Reason = "panel_down" }))
            .Answer("""{"status":"error","message":"Service temporarily unavailable"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusAsync(1));

        Assert.Equal((PlugsmmErrorKind.Transient, "panel_down", "Service temporarily unavailable"), (error.Kind, error.Reason, error.PanelError));
    }

    [Fact]
    public async Task An_error_envelopes_message_is_flattened()
    {
        using var panel = new PanelStub().Answer("""{"status":"Error","message":"Service\ntemporarily\r\nunavailable"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusAsync(1));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\n', error.PanelError!);
        Assert.Contains("temporarily", error.PanelError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"Fail"}""", "Fail")]
    [InlineData("""{"status":"failed"}""", "failed")]
    [InlineData("""{"status":"error"}""", "error")]
    [InlineData("""{"status":"Rejected","currency":"USD"}""", "Rejected")]
    [InlineData("""{"status":"error","charge":null,"remains":"","start_count":"Unknown"}""", "error")]
    [InlineData("""{"status":"error","message":""}""", "error")]
    public async Task A_failed_word_alone_is_an_unexpected_answer_not_a_failed_order(string json, string word)
    {
        using var panel = new PanelStub().Answer(json);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusAsync(1));

        Assert.Equal((PlugsmmErrorKind.Unknown, "unexpected_answer"), (error.Kind, error.Reason));
        Assert.Contains($"'{word}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(json, error.ResponsePreview);
        Assert.Null(error.PanelError);
    }

    [Fact]
    public async Task A_failed_word_alone_behind_an_http_failure_is_that_failure()
    {
        using var panel = new PanelStub().Answer("""{"status":"error"}""", HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusAsync(1));

        Assert.Equal((PlugsmmErrorKind.Transient, "http_503"), (error.Kind, error.Reason));
    }

    [Theory]
    [InlineData("""{"status":"Fail","charge":"0.1","remains":"100","start_count":"0"}""", "Fail")]
    [InlineData("""{"status":"error","charge":"0"}""", "error")]
    [InlineData("""{"status":"failed","remains":100}""", "failed")]
    [InlineData("""{"status":"Rejected","start_count":"0","message":"Link is private"}""", "Rejected")]
    public async Task A_failed_word_beside_an_orders_field_is_a_failed_order(string json, string word)
    {
        using var panel = new PanelStub().Answer(json);

        var status = await panel.Client.GetOrderStatusAsync(1);

        Assert.Equal((OrderState.Failed, word), (status.State, status.StatusText));
    }

    [Theory]
    [InlineData("""{"status":"Canceled","charge":"0","remains":"100"}""", OrderState.Canceled)]
    [InlineData("""{"status":"Canceled"}""", OrderState.Canceled)]
    [InlineData("""{"status":"In progress","message":"Service temporarily unavailable"}""", OrderState.InProgress)]
    [InlineData("""{"status":"Completed"}""", OrderState.Completed)]
    public async Task Other_words_are_unaffected(string json, OrderState state)
    {
        using var panel = new PanelStub().Answer(json);

        var status = await panel.Client.GetOrderStatusAsync(1);

        Assert.Equal(state, status.State);
    }

    [Fact]
    public async Task In_a_multi_status_an_unbacked_failed_word_is_that_items_error_and_the_others_are_read()
    {
        using var panel = new PanelStub().Answer("""
            {"1":{"status":"error","message":"Service temporarily unavailable"},"2":{"status":"Fail"},"3":{"status":"Fail","charge":"0.1","remains":"100","start_count":"0"},"4":{"status":"Canceled","charge":"0","remains":"100"},"5":{"status":"In progress","charge":"0.2"}}
            """);

        var results = await panel.Client.GetOrderStatusesAsync([1, 2, 3, 4, 5]);

        Assert.Equal([false, false, true, true, true], results.Select(r => r.IsSuccess));
        Assert.Equal("Service temporarily unavailable", results[0].Error?.PanelError);
        Assert.Contains("'Fail'", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(OrderState.Failed, results[2].Value.State);
        Assert.Equal(OrderState.Canceled, results[3].Value.State);
        Assert.Equal(OrderState.InProgress, results[4].Value.State);
    }

    [Fact]
    public async Task In_a_multi_status_an_error_envelope_is_no_order_at_all()
    {
        using var panel = new PanelStub().Answer("""{"status":"error","message":"Service temporarily unavailable"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetOrderStatusesAsync([1, 2]));

        Assert.Equal((PlugsmmErrorKind.Unknown, "unexpected_answer"), (error.Kind, error.Reason));
        Assert.Contains("Service temporarily unavailable", error.ResponsePreview, StringComparison.Ordinal);
    }
}
