namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// The status words and refill-status shapes listed in field-practice.md ("Words and shapes seen in real answers"),
/// each through the client and the real readers, in the single and the multi answer.
/// </summary>
public sealed class FieldStatusWordTests
{
    public static TheoryData<string, OrderState> OrderWords() => new()
    {
        { "pending", OrderState.Pending },
        { "awaiting", OrderState.Awaiting },
        { "waiting", OrderState.Awaiting },
        { "queued", OrderState.Pending },
        { "new", OrderState.Pending },
        { "processing", OrderState.Processing },
        { "processing order", OrderState.Processing },
        { "Processing order", OrderState.Processing },
        { "in progress", OrderState.InProgress },
        { "running", OrderState.InProgress },
        { "active", OrderState.InProgress },
        { "completed", OrderState.Completed },
        { "complete", OrderState.Completed },
        { "success", OrderState.Completed },
        { "done", OrderState.Completed },
        { "finished", OrderState.Completed },
        { "partial", OrderState.Partial },
        { "canceled", OrderState.Canceled },
        { "cancelled", OrderState.Canceled },
        { "canscelled", OrderState.Canceled },
        { "Canscelled", OrderState.Canceled },
        { "refunded", OrderState.Refunded },
        { "refund", OrderState.Refunded },
        { "fail", OrderState.Failed },
        { "failed", OrderState.Failed },
        { "error", OrderState.Failed },
        { "Error", OrderState.Failed },
        { "rejected", OrderState.Failed },
        { "Rejected", OrderState.Failed },
    };

    [Theory]
    [MemberData(nameof(OrderWords))]
    public async Task An_order_status_word_seen_in_the_field_maps_to_its_state_and_is_kept(string word, OrderState state)
    {
        using var panel = new PanelStub().Answer($$"""{"charge":"0.1","status":"{{word}}","remains":"0"}""");

        var status = await panel.Client.GetOrderStatusAsync(1);

        Assert.Equal((state, word), (status.State, status.StatusText));
    }

    [Theory]
    [MemberData(nameof(OrderWords))]
    public async Task An_order_status_word_seen_in_the_field_maps_to_its_state_in_a_multi_status(string word, OrderState state)
    {
        // A Failed word is believed only beside one of the order's fields (UnbackedFailedStatusTests): remains is one.
        using var panel = new PanelStub().Answer($$$"""{"1":{"status":"{{{word}}}","remains":"0"},"2":{"error":"Incorrect order ID"}}""");

        var results = await panel.Client.GetOrderStatusesAsync([1, 2]);

        Assert.Equal((state, word), (results[0].Value.State, results[0].Value.StatusText));
        Assert.Equal("Incorrect order ID", results[1].Error?.PanelError);
    }

    public static TheoryData<string, RefillState> RefillWords() => new()
    {
        { "Pending", RefillState.Pending },
        { "Awaiting", RefillState.Pending },
        { "In progress", RefillState.InProgress },
        { "Processing", RefillState.InProgress },
        { "Refilling", RefillState.InProgress },
        { "Completed", RefillState.Completed },
        { "Processed", RefillState.Completed },
        { "Rejected", RefillState.Rejected },
        { "Refused", RefillState.Rejected },
        { "Not found", RefillState.Rejected },
        { "Error", RefillState.Rejected },
    };

    [Theory]
    [MemberData(nameof(RefillWords))]
    public async Task A_refill_status_word_maps_to_its_state_in_the_flat_single_answer(string word, RefillState state)
    {
        using var panel = new PanelStub().Answer($$"""{"status":"{{word}}"}""");

        var status = await panel.Client.GetRefillStatusAsync(9);

        Assert.Equal((state, word), (status.State, status.StatusText));
    }

    [Theory]
    [MemberData(nameof(RefillWords))]
    public async Task A_refill_status_word_maps_to_its_state_in_the_nested_single_answer(string word, RefillState state)
    {
        using var panel = new PanelStub().Answer($$$"""{"status":{"status":"{{{word}}}"}}""");

        var status = await panel.Client.GetRefillStatusAsync(9);

        Assert.Equal((state, word), (status.State, status.StatusText));
    }

    [Theory]
    [MemberData(nameof(RefillWords))]
    public async Task A_refill_status_word_maps_to_its_state_in_the_flat_and_nested_multi_answer(string word, RefillState state)
    {
        using var panel = new PanelStub().Answer($$$"""
            [{"refill":1,"status":"{{{word}}}"},{"refill":2,"status":{"status":"{{{word}}}"}},{"refill":3,"status":{"error":"Refill not found"}}]
            """);

        var results = await panel.Client.GetRefillStatusesAsync([1, 2, 3]);

        Assert.Equal((state, word), (results[0].Value.State, results[0].Value.StatusText));
        Assert.Equal((state, word), (results[1].Value.State, results[1].Value.StatusText));
        Assert.Equal("Refill not found", results[2].Error?.PanelError);
    }

    [Theory]
    [InlineData("""{"status":{"status":{"status":"Completed"}}}""")]
    [InlineData("""{"status":{"state":"Completed"}}""")]
    [InlineData("""{"status":{"status":7}}""")]
    [InlineData("""{"status":{}}""")]
    public async Task A_refill_status_object_without_a_status_word_one_level_down_is_still_no_status(string json)
    {
        using var panel = new PanelStub().Answer(json);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetRefillStatusAsync(9));

        Assert.Equal((PlugsmmErrorKind.Unknown, "unexpected_answer"), (error.Kind, error.Reason));
        Assert.Contains("no status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_refill_status_with_an_error_is_that_error()
    {
        using var panel = new PanelStub().Answer("""{"status":{"status":"Completed","error":"Refill not found"}}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetRefillStatusAsync(9));

        Assert.Equal((PlugsmmErrorKind.Permanent, "refill_not_found"), (error.Kind, error.Reason));
    }
}
