using System.Net;

namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// The refusals listed in field-practice.md ("Words and shapes seen in real answers"), each through the client and the
/// real readers: the error keys panels send untranslated, and the refill refusals, each a definite kind and reason.
/// </summary>
public sealed class FieldErrorKeyTests
{
    [Theory]
    [InlineData("neworder.error.link_duplicate", PlugsmmErrorKind.Permanent, "active_order_for_link")]
    [InlineData("neworder.error.not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("error.not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("invalid_link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("neworder.error.invalid_link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("link_not_found", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("error.link_not_found", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("invalid_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity")]
    [InlineData("neworder.error.invalid_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity")]
    [InlineData("min_quantity", PlugsmmErrorKind.Permanent, "quantity_below_min")]
    [InlineData("error.min_quantity", PlugsmmErrorKind.Permanent, "quantity_below_min")]
    [InlineData("max_quantity", PlugsmmErrorKind.Permanent, "quantity_above_max")]
    [InlineData("error.max_quantity", PlugsmmErrorKind.Permanent, "quantity_above_max")]
    [InlineData("not_enough_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity")]
    [InlineData("neworder.error.not_enough_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity")]
    [InlineData("too_many_orders", PlugsmmErrorKind.Permanent, "too_many_active_orders")]
    [InlineData("neworder.error.too_many_orders", PlugsmmErrorKind.Permanent, "too_many_active_orders")]
    [InlineData("service_not_found", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("error.service_not_found", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("service_inactive", PlugsmmErrorKind.Permanent, "service_inactive")]
    [InlineData("neworder.error.service_inactive", PlugsmmErrorKind.Permanent, "service_inactive")]
    [InlineData("error.invalid_service", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("error.duplicate_order", PlugsmmErrorKind.Permanent, "duplicate_order")]
    [InlineData("error.incorrect_order_id", PlugsmmErrorKind.Permanent, "invalid_order")]
    public async Task An_error_key_refusing_add_has_its_kind_and_reason(string key, PlugsmmErrorKind kind, string reason)
    {
        using var panel = new PanelStub().Answer($$"""{"error":"{{key}}"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/p", Quantity = 100 }));

        Assert.Equal((kind, reason, key), (error.Kind, error.Reason, error.PanelError));
        Assert.False(error.OutcomeUnknown, "a refusal in the panel's words places nothing");
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task Too_many_orders_is_not_retried_as_a_rate_limit()
    {
        using var panel = new PanelStub(o => o.Resilience.Retry.MaxRetryAttempts = 3).Answer("""{"error":"neworder.error.too_many_orders"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/p", Quantity = 100 }));

        Assert.Equal(PlugsmmErrorKind.Permanent, error.Kind);
        Assert.Single(panel.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.OK)]
    public async Task A_json_error_behind_a_400_is_read_before_the_status_is_trusted(HttpStatusCode status)
    {
        using var panel = new PanelStub().Answer("""{"error":"not_enough_funds"}""", status);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/p", Quantity = 100 }));

        Assert.Equal((PlugsmmErrorKind.InsufficientFunds, "insufficient_funds", (int?)(int)status), (error.Kind, error.Reason, error.StatusCode));
    }

    public static TheoryData<string, string> RefillRefusals() => new()
    {
        { "Refill is disabled for this service", "refill_disabled" },
        { "Refill not available for this service", "refill_disabled" },
        { "Order not eligible for refill.", "refill_not_eligible" },
        { "The refill task is not completed for this order", "refill_in_progress" },
        { "Order is too old", "refill_too_old" },
        { "Refill already requested", "refill_already_requested" },
        { "Refill already in progress for this order", "refill_already_requested" },
        { "Refill not found", "refill_not_found" },
        { "error.refill_disabled", "refill_refused" },
        { "error.refill_not_allowed", "refill_refused" },
    };

    [Theory]
    [MemberData(nameof(RefillRefusals))]
    public async Task A_refill_refused_at_the_top_level_is_permanent_with_its_reason(string message, string reason)
    {
        using var panel = new PanelStub().Answer($$"""{"error":"{{message}}"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.RefillOrderAsync(23501));

        Assert.Equal((PlugsmmErrorKind.Permanent, reason, message), (error.Kind, error.Reason, error.PanelError));
        Assert.False(error.OutcomeUnknown);
    }

    [Theory]
    [MemberData(nameof(RefillRefusals))]
    public async Task A_refill_refused_inside_the_refill_field_is_permanent_with_its_reason(string message, string reason)
    {
        using var panel = new PanelStub().Answer($$$"""{"refill":{"error":"{{{message}}}"}}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.RefillOrderAsync(23501));

        Assert.Equal((PlugsmmErrorKind.Permanent, reason, message), (error.Kind, error.Reason, error.PanelError));
        Assert.False(error.OutcomeUnknown);
    }

    [Theory]
    [MemberData(nameof(RefillRefusals))]
    public async Task A_refill_refused_for_one_order_of_many_is_that_orders_error_never_a_refill_id(string message, string reason)
    {
        using var panel = new PanelStub().Answer($$$"""[{"order":1,"refill":{"error":"{{{message}}}"}},{"order":2,"refill":77}]""");

        var results = await panel.Client.RefillOrdersAsync([1, 2]);

        Assert.Equal((false, message), (results[0].IsSuccess, results[0].Error?.PanelError));
        Assert.Equal((PlugsmmErrorKind.Permanent, reason, false), (results[0].Error!.Kind, results[0].Error!.Reason, results[0].OutcomeUnknown));
        Assert.Equal(77L, results[1].Value);
    }
}
