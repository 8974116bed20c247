using System.Globalization;

namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// The answer shapes listed in field-practice.md ("Words and shapes seen in real answers"): refill and cancel answers,
/// order ids of <c>add</c>, and money with many digits, each through the client and the real readers.
/// </summary>
public sealed class FieldShapeTests
{
    private static readonly DefaultOrder Order = new() { ServiceId = 1, Link = "https://x.com/p", Quantity = 100 };

    [Theory]
    [InlineData("""{"refill":"1"}""", 1L)]
    [InlineData("""{"success":"Your order will be refill asap…","refill":12345}""", 12345L)]
    [InlineData("""{"success":"Your order will be refill asap…","refill":"12345"}""", 12345L)]
    public async Task A_refill_answer_seen_in_the_field_is_its_refill_id(string json, long refillId)
    {
        using var panel = new PanelStub().Answer(json);

        Assert.Equal(refillId, await panel.Client.RefillOrderAsync(3));
    }

    [Fact]
    public async Task A_refill_of_many_with_one_orders_error_in_its_refill_field_is_that_orders_error()
    {
        using var panel = new PanelStub().Answer("""[{"order":3,"refill":{"error":"Incorrect order ID"}},{"order":4,"refill":"12"}]""");

        var results = await panel.Client.RefillOrdersAsync([3, 4]);

        Assert.Equal((false, "Incorrect order ID"), (results[0].IsSuccess, results[0].Error?.PanelError));
        Assert.Equal(12L, results[1].Value);
    }

    [Fact]
    public async Task A_refill_refused_with_an_error_key_beside_an_empty_success_is_the_refusal()
    {
        using var panel = new PanelStub().Answer("""{"success":"","error":"error.refill_disabled"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.RefillOrderAsync(3));

        Assert.Equal((PlugsmmErrorKind.Permanent, "refill_refused", false), (error.Kind, error.Reason, error.OutcomeUnknown));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("\"1\"", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("\"0\"", false)]
    public async Task A_cancel_result_seen_in_the_field_is_read_as_accepted_or_not(string value, bool accepted)
    {
        using var panel = new PanelStub().Answer($$"""[{"order":1,"cancel":{{value}}}]""");

        var results = await panel.Client.CancelOrdersAsync([1]);

        Assert.Equal(accepted, Assert.Single(results).Value);
    }

    [Theory]
    [InlineData("error.incorrect_order_id")]
    [InlineData("Incorrect order ID")]
    [InlineData("error.order_not_cancellable")]
    public async Task A_cancel_error_inside_the_cancel_field_is_that_orders_error_never_a_cancel(string message)
    {
        using var panel = new PanelStub().Answer($$$"""[{"order":1,"cancel":{"error":"{{{message}}}"}},{"order":2,"cancel":1}]""");

        var results = await panel.Client.CancelOrdersAsync([1, 2]);

        Assert.Equal((false, message), (results[0].IsSuccess, results[0].Error?.PanelError));
        Assert.Throws<InvalidOperationException>(() => results[0].Value);
        Assert.True(results[1].Value);
    }

    [Theory]
    [InlineData("""{"order":23501}""")]
    [InlineData("""{"order":"23501"}""")]
    [InlineData("""{"status":"success","order":23501}""")]
    public async Task An_order_id_as_a_number_or_a_string_is_the_order_id(string json)
    {
        using var panel = new PanelStub().Answer(json);

        Assert.Equal(23501L, await panel.Client.AddOrderAsync(Order));
    }

    [Theory]
    [InlineData("""{"order":"ref_01HG9XQ7Z3K8M2N4P6R8T0V2W4"}""", "ref_01HG9XQ7Z3K8M2N4P6R8T0V2W4")]
    [InlineData("""{"status":"success","order":"ORD-7f3a"}""", "ORD-7f3a")]
    [InlineData("""{"order":"99999999999999999999"}""", "99999999999999999999")]
    [InlineData("""{"order":"23501.5"}""", "23501.5")]
    [InlineData("""{"order":23501.5}""", "23501.5")]
    public async Task An_order_id_that_is_no_whole_number_is_an_outcome_unknown_error_naming_the_panels_id(string json, string panelId)
    {
        using var panel = new PanelStub(o => o.Resilience.Retry.MaxRetryAttempts = 3).Answer(json);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.True(error.OutcomeUnknown, "the panel took the order: it must be reconciled, never placed again");
        Assert.False(error.IsRetryable);
        Assert.Equal((PlugsmmErrorKind.Unknown, "non_numeric_order_id", panelId), (error.Kind, error.Reason, error.PanelError));
        Assert.Contains($"'{panelId}'", error.Message, StringComparison.Ordinal);
        Assert.Single(panel.Requests);
    }

    [Theory]
    [InlineData("""{"order":0}""")]
    [InlineData("""{"order":""}""")]
    [InlineData("""{"order":null}""")]
    [InlineData("""{"order":"success"}""")]
    [InlineData("""{"order":"false"}""")]
    public async Task An_empty_or_zero_order_id_or_a_word_without_a_digit_is_still_no_order_id(string json)
    {
        using var panel = new PanelStub().Answer(json);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal(("unexpected_answer", true), (error.Reason, error.OutcomeUnknown));
    }

    [Fact]
    public async Task A_non_numeric_order_id_behind_a_429_is_a_rate_limit_not_a_placed_order()
    {
        using var panel = new PanelStub().Answer("""{"order":"ref_01HG9X"}""", System.Net.HttpStatusCode.TooManyRequests);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal((PlugsmmErrorKind.RateLimited, "http_429", false), (error.Kind, error.Reason, error.OutcomeUnknown));
    }

    [Fact]
    public async Task Money_with_many_digits_in_a_batch_status_keeps_every_digit()
    {
        using var panel = new PanelStub().Answer("""
            {"1":{"charge":0.08011655652,"start_count":"0","status":"Completed","remains":"0","currency":"USD"},
             "2":{"charge":"0.08011655652","status":"Partial","remains":"5"}}
            """);

        var results = await panel.Client.GetOrderStatusesAsync([1, 2]);

        Assert.Equal("0.08011655652", results[0].Value.Charge!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.08011655652", results[1].Value.Charge!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"balance":"54.5121590","currency":"USD"}""", "54.5121590")]
    [InlineData("""{"balance":54.5121590,"currency":"USD"}""", "54.5121590")]
    public async Task A_balance_with_a_trailing_zero_keeps_every_digit(string json, string amount)
    {
        using var panel = new PanelStub().Answer(json);

        var balance = await panel.Client.GetBalanceAsync();

        Assert.Equal(amount, balance.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(54.512159m, balance.Amount);
    }
}
