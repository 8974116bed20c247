using System.Net;
using System.Text;

namespace Plugsmm.Client.Tests.Client;

/// <summary>Every action: the body sent and the typed answer, in every shape real panels answer.</summary>
public sealed class ActionTests
{
    [Fact]
    public async Task Services_reads_the_catalogue_with_numbers_as_strings_and_every_flag_form()
    {
        using var panel = new PanelStub().Answer("""
            [
              {"service":1,"name":"Followers","type":"Default","category":"First Category","rate":"0.90","min":"50","max":"10000","refill":true,"cancel":true},
              {"service":"2","name":"Comments","type":"Custom Comments","category":"Second","rate":8,"min":10,"max":1500,"refill":"1","cancel":0,"dripfeed":1,"extra":{"a":[1]}},
              {"service":3,"name":2024,"type":"default","category":"Third","rate":"0.0012345","min":"1","max":"1","refill":"0","cancel":"false","dripfeed":"true"},
              {"service":4,"name":"No flags","type":"Package","category":"x","rate":1.5,"min":1,"max":1}
            ]
            """);

        var services = await panel.Client.GetServicesAsync();

        Assert.Equal(PanelStub.Body(("action", "services")), Assert.Single(panel.Requests).Body);
        Assert.Equal(4, services.Count);
        var first = services[0];
        Assert.Equal((1L, "Followers", "Default", "First Category", 0.90m, 50L, 10000L, (bool?)true, (bool?)true, (bool?)null),
            (first.Id, first.Name, first.Type, first.Category, first.RatePer1000, first.Min, first.Max, first.Refill, first.Cancel, first.DripFeed));
        Assert.Equal("0.90", first.RatePer1000.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((2L, 8m, (bool?)true, (bool?)false, (bool?)true), (services[1].Id, services[1].RatePer1000, services[1].Refill, services[1].Cancel, services[1].DripFeed));
        Assert.Equal(("2024", "default", 0.0012345m, (bool?)false, (bool?)false, (bool?)true), (services[2].Name, services[2].Type, services[2].RatePer1000, services[2].Refill, services[2].Cancel, services[2].DripFeed));
        Assert.Equal(((bool?)null, (bool?)null, (bool?)null), (services[3].Refill, services[3].Cancel, services[3].DripFeed));
    }

    [Fact]
    public async Task Services_with_an_entry_missing_its_id_or_rate_is_an_error_not_a_silent_gap()
    {
        using var panel = new PanelStub().Answer("""[{"service":1,"name":"a","type":"Default","category":"c","rate":"x","min":1,"max":2}]""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetServicesAsync());

        Assert.Contains("service #0 has no readable 'rate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reads_every_field_with_numbers_as_strings()
    {
        using var panel = new PanelStub().Answer("""{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"157","currency":"USD"}""");

        var status = await panel.Client.GetOrderStatusAsync(23501);

        Assert.Equal(PanelStub.Body(("action", "status"), ("order", 23501L)), Assert.Single(panel.Requests).Body);
        Assert.Equal((OrderState.Partial, "Partial", (decimal?)0.27819m, (long?)3572L, (long?)157L, "USD"),
            (status.State, status.StatusText, status.Charge, status.StartCount, status.Remains, status.Currency));
    }

    [Theory]
    [InlineData("\"Unknown\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("null", null)]
    [InlineData("0", 0L)]
    [InlineData("\"12\"", 12L)]
    public async Task Status_remains_may_be_unknown(string remains, long? expected)
    {
        using var panel = new PanelStub().Answer($$"""{"charge":0.5,"start_count":0,"status":"In progress","remains":{{remains}}}""");

        var status = await panel.Client.GetOrderStatusAsync(1);

        Assert.Equal(expected, status.Remains);
        Assert.Equal(OrderState.InProgress, status.State);
        Assert.Null(status.Currency);
    }

    [Theory]
    [InlineData("Pending", OrderState.Pending)]
    [InlineData("In progress", OrderState.InProgress)]
    [InlineData("in_progress", OrderState.InProgress)]
    [InlineData("Processing", OrderState.Processing)]
    [InlineData("Completed", OrderState.Completed)]
    [InlineData("completed", OrderState.Completed)]
    [InlineData("Partial", OrderState.Partial)]
    [InlineData("Canceled", OrderState.Canceled)]
    [InlineData("Cancelled", OrderState.Canceled)]
    [InlineData("Refunded", OrderState.Refunded)]
    [InlineData("Fail", OrderState.Failed)]
    [InlineData("Awaiting", OrderState.Awaiting)]
    [InlineData("Stuck in space", OrderState.Unknown)]
    public async Task Status_words_map_to_states_and_the_word_is_kept(string word, OrderState state)
    {
        // With one of the order's fields: a Failed word alone is no status (UnbackedFailedStatusTests).
        using var panel = new PanelStub().Answer($$"""{"status":"{{word}}","remains":"100"}""");

        var status = await panel.Client.GetOrderStatusAsync(1);

        Assert.Equal(state, status.State);
        Assert.Equal(word, status.StatusText);
    }

    [Fact]
    public async Task Many_statuses_put_each_orders_own_error_on_that_order()
    {
        using var panel = new PanelStub().Answer("""
            {"1":{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"157","currency":"USD"},
             "10":{"error":"Incorrect order ID"},
             "100":{"charge":"1.44219","start_count":"234","status":"In progress","remains":"10","currency":"USD"}}
            """);

        var results = await panel.Client.GetOrderStatusesAsync([1, 10, 100]);

        Assert.Equal(PanelStub.Body(("action", "status"), ("orders", "1,10,100")), Assert.Single(panel.Requests).Body);
        Assert.Equal([1L, 10L, 100L], results.Select(r => r.Id));
        Assert.Equal(OrderState.Partial, results[0].Value.State);
        Assert.False(results[1].IsSuccess);
        Assert.Equal("Incorrect order ID", results[1].Error?.PanelError);
        Assert.Throws<InvalidOperationException>(() => results[1].Value);
        Assert.Equal(10L, results[2].Value.Remains);
    }

    [Fact]
    public async Task Many_statuses_ask_100_at_a_time_and_each_id_once()
    {
        var ids = Enumerable.Range(1, 250).Select(i => (long)i).ToList();
        using var panel = new PanelStub();
        foreach (var chunk in ids.Chunk(100))
        {
            panel.Answer("{" + string.Join(",", chunk.Select(id => $"\"{id}\":{{\"status\":\"Completed\"}}")) + "}");
        }

        var results = await panel.Client.GetOrderStatusesAsync([.. ids, 5, 7]);

        Assert.Equal(3, panel.Requests.Count);
        Assert.Equal([100, 100, 50], panel.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Body)["orders"]!.Split(',').Length));
        Assert.Equal(PanelStub.Body(("action", "status"), ("orders", string.Join(",", ids.Skip(200)))), panel.Requests[2].Body);
        Assert.Equal(ids, results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(OrderState.Completed, r.Value.State));
    }

    [Fact]
    public async Task An_id_missing_from_the_answer_is_reported_on_that_id()
    {
        using var panel = new PanelStub().Answer("""{"1":{"status":"Completed"}}""");

        var results = await panel.Client.GetOrderStatusesAsync([1, 2]);

        Assert.True(results[0].IsSuccess);
        Assert.Equal(("no_entry", false), (results[1].Error?.Reason, results[1].OutcomeUnknown));
    }

    [Fact]
    public async Task No_ids_make_no_request()
    {
        using var panel = new PanelStub();

        Assert.Empty(await panel.Client.GetOrderStatusesAsync([]));
        Assert.Empty(await panel.Client.CancelOrdersAsync([]));
        Assert.Empty(panel.Requests);
    }

    [Theory]
    [InlineData("""{"refill":"1"}""", 1L)]
    [InlineData("""{"refill":12345}""", 12345L)]
    [InlineData("""{"success":"Refill request accepted","refill":12345}""", 12345L)]
    public async Task Refill_reads_the_refill_id(string json, long expected)
    {
        using var panel = new PanelStub().Answer(json);

        var refill = await panel.Client.RefillOrderAsync(23501);

        Assert.Equal(expected, refill);
        Assert.Equal(PanelStub.Body(("action", "refill"), ("order", 23501L)), Assert.Single(panel.Requests).Body);
    }

    [Fact]
    public async Task Refill_refused_inside_the_refill_field_is_the_panels_error()
    {
        using var panel = new PanelStub().Answer("""{"refill":{"error":"Order not eligible for refill."}}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.RefillOrderAsync(1));

        Assert.Equal("Order not eligible for refill.", error.PanelError);
    }

    [Fact]
    public async Task Many_refills_read_each_items_error_from_its_refill_field()
    {
        using var panel = new PanelStub().Answer("""[{"order":1,"refill":1},{"order":2,"refill":"7"},{"order":3,"refill":{"error":"Incorrect order ID"}}]""");

        var results = await panel.Client.RefillOrdersAsync([1, 2, 3]);

        Assert.Equal(PanelStub.Body(("action", "refill"), ("orders", "1,2,3")), Assert.Single(panel.Requests).Body);
        Assert.Equal(1L, results[0].Value);
        Assert.Equal(7L, results[1].Value);
        Assert.Equal("Incorrect order ID", results[2].Error?.PanelError);
    }

    [Theory]
    [InlineData("Completed", RefillState.Completed)]
    [InlineData("Pending", RefillState.Pending)]
    [InlineData("In progress", RefillState.InProgress)]
    [InlineData("Rejected", RefillState.Rejected)]
    [InlineData("Queued", RefillState.Unknown)]
    public async Task Refill_status_reads_the_state_and_keeps_the_word(string word, RefillState state)
    {
        using var panel = new PanelStub().Answer($$"""{"status":"{{word}}"}""");

        var status = await panel.Client.GetRefillStatusAsync(9);

        Assert.Equal((state, word), (status.State, status.StatusText));
        Assert.Equal(PanelStub.Body(("action", "refill_status"), ("refill", 9L)), Assert.Single(panel.Requests).Body);
    }

    [Fact]
    public async Task Many_refill_statuses_read_each_items_error_from_its_status_field()
    {
        using var panel = new PanelStub().Answer("""[{"refill":1,"status":"Completed"},{"refill":"3","status":{"error":"Refill not found"}}]""");

        var results = await panel.Client.GetRefillStatusesAsync([1, 3]);

        Assert.Equal(PanelStub.Body(("action", "refill_status"), ("refills", "1,3")), Assert.Single(panel.Requests).Body);
        Assert.Equal(RefillState.Completed, results[0].Value.State);
        Assert.Equal("Refill not found", results[1].Error?.PanelError);
    }

    [Fact]
    public async Task Cancel_reads_each_items_error_from_its_cancel_field()
    {
        using var panel = new PanelStub().Answer("""[{"order":9,"cancel":{"error":"Incorrect order ID"}},{"order":2,"cancel":1},{"order":"4","cancel":"1"}]""");

        var results = await panel.Client.CancelOrdersAsync([2, 9, 4]);

        Assert.Equal(PanelStub.Body(("action", "cancel"), ("orders", "2,9,4")), Assert.Single(panel.Requests).Body);
        Assert.Equal([2L, 9L, 4L], results.Select(r => r.Id));
        Assert.True(results[0].Value);
        Assert.Equal("Incorrect order ID", results[1].Error?.PanelError);
        Assert.True(results[2].Value);
    }

    [Theory]
    [InlineData("""{"balance":"100.84292","currency":"USD"}""", "100.84292", "USD")]
    [InlineData("""{"balance":100.8429200,"currency":"EUR"}""", "100.8429200", "EUR")]
    [InlineData("""{"balance":"0.0000001"}""", "0.0000001", null)]
    public async Task Balance_keeps_every_decimal(string json, string amount, string? currency)
    {
        using var panel = new PanelStub().Answer(json);

        var balance = await panel.Client.GetBalanceAsync();

        Assert.Equal(amount, balance.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(currency, balance.Currency);
        Assert.Equal(PanelStub.Body(("action", "balance")), Assert.Single(panel.Requests).Body);
    }

    [Fact]
    public async Task Every_request_is_a_form_post_with_the_configured_user_agent()
    {
        using var panel = new PanelStub(o => o.UserAgent = "MyBot/2.0").Answer("""{"balance":"1"}""");

        await panel.Client.GetBalanceAsync();

        var request = Assert.Single(panel.Requests);
        Assert.Equal((HttpMethod.Post, "application/x-www-form-urlencoded", "MyBot/2.0"), (request.Method, request.MediaType, request.UserAgent));
    }

    [Fact]
    public async Task The_answer_to_one_action_is_never_taken_for_another_when_the_status_is_not_200()
    {
        using var panel = new PanelStub().Answer("""{"balance":"5"}""", HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task The_rollback_flag_switches_bodies_to_the_legacy_encoding_with_the_same_fields()
    {
        var order = new DefaultOrder { ServiceId = 1, Link = "https://x.com/p/Cx~9?a=1&b=2#c", Quantity = 100 };
        using var modern = new PanelStub().Answer("""{"order":1}""");
        using var legacy = new PanelStub(o => o.UseNewApi = false).Answer("""{"order":1}""");

        await modern.Client.AddOrderAsync(order);
        await legacy.Client.AddOrderAsync(order);

        var expected = await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = PanelStub.ApiKey, ["action"] = "add", ["service"] = "1", ["link"] = order.Link, ["quantity"] = "100",
        }).ReadAsStringAsync();
        Assert.Equal(expected, legacy.Requests[0].Body);
        Assert.Contains("Cx~9", legacy.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("Cx%7E9", modern.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_starts_with_a_byte_order_mark_is_read()
    {
        using var panel = new PanelStub().Answer(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"order":23501}""")]),
        });

        Assert.Equal(23501, await panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 }));
    }

    [Theory]
    [InlineData("""{"status":"success","order":151,"error":""}""")]
    [InlineData("""{"order":151,"error":null}""")]
    [InlineData("""{"order":151,"error":false}""")]
    public async Task An_empty_error_beside_an_order_id_is_no_error(string json)
    {
        using var panel = new PanelStub().Answer(json);

        Assert.Equal(151, await panel.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 }));
    }
}
