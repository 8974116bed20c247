using System.Net.Http;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>Every row of the classification table.</summary>
public sealed class ClassifierTests
{
    private static readonly ErrorClassifier Classifier = new(null);

    [Theory]
    [InlineData("Not enough funds on balance", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("NOT ENOUGH FUNDS ON BALANCE", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("neworder.error.not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("Incorrect request", PlugsmmErrorKind.Permanent, "invalid_request")]
    [InlineData("Invalid API key", PlugsmmErrorKind.Permanent, "invalid_api_key")]
    [InlineData("Incorrect API key", PlugsmmErrorKind.Permanent, "invalid_api_key")]
    [InlineData("Incorrect service ID", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("Service ID does not exists", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("neworder.error.incorrect_service_id", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("error.incorrect_service_id", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("Incorrect link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("Bad link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("Invalid link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("neworder.error.link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("Quantity less than minimal 1000", PlugsmmErrorKind.Permanent, "quantity_below_min")]
    [InlineData("neworder.error.min_quantity", PlugsmmErrorKind.Permanent, "quantity_below_min")]
    [InlineData("Quantity more than maximum 5000", PlugsmmErrorKind.Permanent, "quantity_above_max")]
    [InlineData("neworder.error.max_quantity", PlugsmmErrorKind.Permanent, "quantity_above_max")]
    [InlineData("Incorrect order ID", PlugsmmErrorKind.Permanent, "invalid_order")]
    [InlineData("Refill not found", PlugsmmErrorKind.Permanent, "refill_not_found")]
    [InlineData("Order not eligible for refill.", PlugsmmErrorKind.Permanent, "refill_not_eligible")]
    [InlineData("Invalid Request", PlugsmmErrorKind.Permanent, "invalid_request")]
    [InlineData("neworder.error.something_new", PlugsmmErrorKind.Permanent, "order_refused")]
    [InlineData("Too many requests", PlugsmmErrorKind.RateLimited, "rate_limited")]
    [InlineData("API rate limit exceeded", PlugsmmErrorKind.RateLimited, "rate_limited")]
    [InlineData("You have active order with this link. Please wait until order being completed.", PlugsmmErrorKind.Permanent, "active_order_for_link")]
    [InlineData("neworder.error.link_duplicate", PlugsmmErrorKind.Permanent, "active_order_for_link")]
    [InlineData("error.not_enough_funds", PlugsmmErrorKind.InsufficientFunds, "insufficient_funds")]
    [InlineData("neworder.error.too_many_orders", PlugsmmErrorKind.Permanent, "too_many_active_orders")]
    [InlineData("error.duplicate_order", PlugsmmErrorKind.Permanent, "duplicate_order")]
    [InlineData("error.invalid_service", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("neworder.error.service_not_found", PlugsmmErrorKind.Permanent, "invalid_service")]
    [InlineData("neworder.error.service_inactive", PlugsmmErrorKind.Permanent, "service_inactive")]
    [InlineData("neworder.error.link_not_found", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("error.invalid_link", PlugsmmErrorKind.Permanent, "invalid_link")]
    [InlineData("neworder.error.invalid_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity")]
    [InlineData("neworder.error.not_enough_quantity", PlugsmmErrorKind.Permanent, "invalid_quantity")]
    [InlineData("error.incorrect_order_id", PlugsmmErrorKind.Permanent, "invalid_order")]
    [InlineData("Refill is disabled for this service", PlugsmmErrorKind.Permanent, "refill_disabled")]
    [InlineData("Refill not available for this service", PlugsmmErrorKind.Permanent, "refill_disabled")]
    [InlineData("Order is too old", PlugsmmErrorKind.Permanent, "refill_too_old")]
    [InlineData("The refill task is not completed for this order", PlugsmmErrorKind.Permanent, "refill_in_progress")]
    [InlineData("Refill already requested", PlugsmmErrorKind.Permanent, "refill_already_requested")]
    [InlineData("error.refill_whatever", PlugsmmErrorKind.Permanent, "refill_refused")]
    [InlineData("Something nobody has seen", PlugsmmErrorKind.Unknown, "unknown")]
    public void Panel_messages_are_classified_case_insensitively(string message, PlugsmmErrorKind kind, string reason)
    {
        Assert.Equal((kind, reason), Classifier.ClassifyMessage(message));
    }

    [Theory]
    [InlineData(408, PlugsmmErrorKind.Transient)]
    [InlineData(500, PlugsmmErrorKind.Transient)]
    [InlineData(502, PlugsmmErrorKind.Transient)]
    [InlineData(503, PlugsmmErrorKind.Transient)]
    [InlineData(504, PlugsmmErrorKind.Transient)]
    [InlineData(520, PlugsmmErrorKind.Transient)]
    [InlineData(522, PlugsmmErrorKind.Transient)]
    [InlineData(524, PlugsmmErrorKind.Transient)]
    [InlineData(429, PlugsmmErrorKind.RateLimited)]
    [InlineData(401, PlugsmmErrorKind.Permanent)]
    [InlineData(403, PlugsmmErrorKind.Permanent)]
    [InlineData(404, PlugsmmErrorKind.Unknown)]
    [InlineData(418, PlugsmmErrorKind.Unknown)]
    public void Statuses_without_a_message_are_classified(int status, PlugsmmErrorKind kind)
    {
        Assert.Equal(kind, ErrorClassifier.ClassifyStatus(status).Kind);
    }

    [Theory]
    [InlineData(500, PlugsmmErrorKind.Transient)]
    [InlineData(502, PlugsmmErrorKind.Transient)]
    [InlineData(522, PlugsmmErrorKind.Transient)]
    [InlineData(200, PlugsmmErrorKind.Unknown)]
    [InlineData(404, PlugsmmErrorKind.Unknown)]
    public void Unreadable_bodies_are_transient_only_behind_a_5xx(int status, PlugsmmErrorKind kind)
    {
        Assert.Equal(kind, ErrorClassifier.ClassifyUnreadableBody(status));
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, "dns", true)]
    [InlineData(HttpRequestError.ConnectionError, "connection", true)]
    [InlineData(HttpRequestError.SecureConnectionError, "tls", true)]
    [InlineData(HttpRequestError.ProxyTunnelError, "proxy", true)]
    [InlineData(HttpRequestError.ResponseEnded, "connection_dropped", false)]
    [InlineData(HttpRequestError.InvalidResponse, "protocol", false)]
    [InlineData(HttpRequestError.Unknown, "network", false)]
    public void Transport_failures_are_transient_and_say_whether_the_request_left(HttpRequestError error, string reason, bool notSent)
    {
        Assert.Equal((PlugsmmErrorKind.Transient, reason, notSent), ErrorClassifier.ClassifyTransport(new HttpRequestException(error, "x")));
    }

    [Fact]
    public void Operators_rules_come_before_the_built_in_ones()
    {
        var classifier = new ErrorClassifier([
            new PlugsmmErrorRule { Pattern = "Incorrect link", Kind = PlugsmmErrorKind.Transient, Reason = "flaky_link_check" },
            new PlugsmmErrorRule { Pattern = "maintenance", Kind = PlugsmmErrorKind.Transient },
        ]);

        Assert.Equal((PlugsmmErrorKind.Transient, "flaky_link_check"), classifier.ClassifyMessage("Incorrect link"));
        Assert.Equal((PlugsmmErrorKind.Transient, "maintenance"), classifier.ClassifyMessage("Panel under MAINTENANCE"));
        Assert.Equal((PlugsmmErrorKind.InsufficientFunds, "insufficient_funds"), classifier.ClassifyMessage("Not enough funds on balance"));
    }
}
