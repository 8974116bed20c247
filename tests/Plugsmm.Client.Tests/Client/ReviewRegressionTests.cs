using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Client;

/// <summary>Defects a review found, each pinned by the scenario that showed it.</summary>
public sealed class ReviewRegressionTests
{
    private static readonly DefaultOrder Order = new() { ServiceId = 1, Link = "https://instagram.com/p/review", Quantity = 100 };

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task An_add_answered_by_a_5xx_with_a_json_error_is_not_sent_again(HttpStatusCode status)
    {
        using var panel = new PanelStub(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 3;
            o.Resilience.Retry.UseJitter = false;
        }).Answer("""{"error":"Internal server error"}""", status).Answer("""{"order":2}""");

        var call = panel.Client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(panel.Requests);
        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_panel_that_crashes_after_taking_the_order_keeps_one_order_in_its_ledger()
    {
        var time = new FakeTimeProvider();
        await using var simulated = SimulatedPanel.CreateDefault(time);
        var client = simulated.CreateClient(o => o.Resilience.Retry.UseJitter = false);
        simulated.Faults.Next(PanelFault.ServerErrorAfterProcessing(502), "add");

        var call = client.AddOrderAsync(Order);
        await FakeTime.DriveAsync(time, call, TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<PlugsmmException>(() => call);

        Assert.Single(simulated.Orders);
        Assert.Equal((true, 502), (error.OutcomeUnknown, error.StatusCode));
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
            Assert.True(r.Exception!.OutcomeUnknown);
            Assert.StartsWith("Transient: Unreadable answer to cancel (HTTP 500, not JSON)", r.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task When_every_request_of_a_multi_call_fails_the_call_throws()
    {
        using var panel = new PanelStub().Answer("""{"error":"Invalid API key"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.CancelOrdersAsync([1, 2]));

        Assert.Equal("invalid_api_key", error.Reason);
    }

    [Fact]
    public async Task A_transport_error_that_echoes_the_key_does_not_carry_it_into_messages_or_ToString()
    {
        using var panel = new PanelStub();
        panel.Fail(new HttpRequestException(HttpRequestError.ConnectionError, $"proxy refused body key={PanelStub.ApiKey}&action=add"));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.DoesNotContain(PanelStub.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PanelStub.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("key=***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_starts_with_a_byte_order_mark_is_read()
    {
        using var panel = new PanelStub().Answer(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"order":23501}""")]),
        });

        Assert.Equal(23501, await panel.Client.AddOrderAsync(Order));
    }

    [Theory]
    [InlineData("""{"status":"success","order":151,"error":""}""")]
    [InlineData("""{"order":151,"error":null}""")]
    [InlineData("""{"order":151,"error":false}""")]
    public async Task An_empty_error_beside_an_order_id_is_no_error(string json)
    {
        using var panel = new PanelStub().Answer(json);

        Assert.Equal(151, await panel.Client.AddOrderAsync(Order));
    }

    [Fact]
    public async Task A_real_error_beside_an_order_id_leaves_the_outcome_unknown()
    {
        using var panel = new PanelStub().Answer("""{"order":151,"error":"Something went wrong"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal(("error_beside_order", true), (error.Reason, error.OutcomeUnknown));
        Assert.Contains("order 151", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "WebTrafficOrder.GoogleKeyword (field 'google_keyword') is required when TypeOfTraffic is 1")]
    [InlineData(2, "WebTrafficOrder.ReferringUrl (field 'referring_url') is required when TypeOfTraffic is 2")]
    public async Task Web_traffic_needs_the_field_its_kind_of_traffic_uses(int typeOfTraffic, string message)
    {
        using var panel = new PanelStub();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => panel.Client.AddOrderAsync(
            new WebTrafficOrder { ServiceId = 1, Link = "https://shop.example", Quantity = 100, Country = "US", Device = 1, TypeOfTraffic = typeOfTraffic }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(panel.Requests);
    }

    [Fact]
    public void An_empty_placeholder_in_configuration_does_not_hide_the_runbooks_variables()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = "",
            ["Plugsmm:UseNewApi"] = " ",
            ["PLUGSMMS_API_KEY"] = "from-env",
            ["PLUGSMM_USE_NEW_API"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(string.Empty);

        Assert.Equal(("from-env", false), (options.ApiKey, options.UseNewApi));
    }

    [Fact]
    public void Clients_built_with_one_meter_factory_share_one_set_of_instruments()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

        Assert.Same(PlugsmmMetrics.For(factory), PlugsmmMetrics.For(factory));
    }

    [Fact]
    public async Task The_simulated_panel_reads_no_fields_from_a_body_that_is_not_a_form_as_php_does()
    {
        await using var simulated = SimulatedPanel.CreateDefault();
        using var http = new HttpClient(simulated.CreateHandler());

        using var response = await http.PostAsync(new Uri("https://panel.test/api/v2"), new StringContent($"key={simulated.ApiKey}&action=balance", Encoding.UTF8, "text/plain"));

        Assert.Equal("""{"error":"Invalid API key"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_simulated_panel_refuses_a_drip_feed_whose_total_would_overflow()
    {
        await using var simulated = SimulatedPanel.CreateDefault();
        using var http = new HttpClient(simulated.CreateHandler());
        var body = PhpFormEncoder.Encode([new("key", simulated.ApiKey), new("action", "add"), new("service", 1), new("link", "https://x.com/o"), new("quantity", 100), new("runs", 9223372036854776L), new("interval", 5)]);

        using var response = await http.PostAsync(new Uri("https://panel.test/api/v2"), new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal("""{"error":"Quantity more than maximum 10000"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(100m, simulated.Balance);
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

        var call = panel.Client.AddOrderAsync(Order, cancel.Token);
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

        var add = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => panel.Client.AddOrderAsync(Order, cancel.Token));
        var read = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => panel.Client.GetBalanceAsync(cancel.Token));

        Assert.IsNotType<PlugsmmOperationCanceledException>(add);
        Assert.IsNotType<PlugsmmOperationCanceledException>(read);
        Assert.Empty(panel.Requests);
    }
}
