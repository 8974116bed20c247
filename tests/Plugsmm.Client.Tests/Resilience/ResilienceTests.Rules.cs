using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>Operators' rules, the runbook's defaults, settings across fields, and what is not classified.</summary>
public sealed partial class ResilienceTests
{
    [Fact]
    public async Task Operators_rules_from_configuration_classify_new_messages_without_a_rebuild()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = "k",
            ["Plugsmm:ErrorRules:0:Pattern"] = "under maintenance",
            ["Plugsmm:ErrorRules:0:Kind"] = "Transient",
            ["Plugsmm:ErrorRules:0:Reason"] = "maintenance",
            ["Plugsmm:Resilience:Retry:MaxRetryAttempts"] = "5",
            ["Plugsmm:Resilience:CircuitBreaker:BreakDuration"] = "00:02:00",
        }).Build();
        var options = new PlugsmmClientOptions();

        PlugsmmConfiguration.Bind(options, configuration, "Plugsmm");

        var rule = Assert.Single(options.ErrorRules);
        Assert.Equal(("under maintenance", PlugsmmErrorKind.Transient, "maintenance"), (rule.Pattern, rule.Kind, rule.Reason));
        Assert.Equal((5, TimeSpan.FromMinutes(2)), (options.Resilience.Retry.MaxRetryAttempts, options.Resilience.CircuitBreaker.BreakDuration));

        using var panel = new PanelStub(o =>
        {
            o.ErrorRules.Add(rule);
            o.Resilience.Retry.MaxRetryAttempts = 1;
        }).Answer("""{"error":"Panel is under maintenance"}""").Answer("""{"balance":"2"}""");
        var call = panel.Client.GetBalanceAsync();
        await FakeTime.DriveAsync(panel.Time, call, Step);
        Assert.Equal(2m, (await call).Amount);
    }

    [Fact]
    public void A_rule_with_an_unknown_kind_is_refused_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Plugsmm:ApiKey"] = "k",
            ["Plugsmm:ErrorRules:0:Pattern"] = "x",
            ["Plugsmm:ErrorRules:0:Kind"] = "Sometimes",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<IPlugsmmClient>());

        Assert.Contains("'Sometimes' at 'Plugsmm:ErrorRules:0:Kind' to type 'Plugsmm.Client.PlugsmmErrorKind'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_pinned_to_the_runbook()
    {
        var options = new PlugsmmClientOptions();
        var resilience = options.Resilience;

        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), resilience.CircuitBreaker.BreakDuration);
        Assert.Equal(3, resilience.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), resilience.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(30), resilience.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(120), resilience.TotalTimeout);
        Assert.Equal(0.5, resilience.CircuitBreaker.FailureRatio);
        Assert.Equal(10, resilience.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), resilience.CircuitBreaker.SamplingDuration);
        Assert.True(resilience.Retry.UseJitter);
    }

    [Theory]
    [InlineData("MaxRetryAttempts", "Resilience:Retry:MaxRetryAttempts must be between 0 and 10.")]
    [InlineData("RetryDelay", "needs Resilience:Retry:Delay <= Resilience:Retry:MaxDelay (were 00:01:00 and 00:00:30).")]
    [InlineData("TotalTimeout", "needs Resilience:TotalTimeout (00:00:10) to be at least Resilience:AttemptTimeout (00:00:30)")]
    [InlineData("FailureRatio", "Resilience:CircuitBreaker:FailureRatio must be between 0 exclusive and 1.")]
    [InlineData("MinimumThroughput", "Resilience:CircuitBreaker:MinimumThroughput must be between 2 and 2147483647.")]
    [InlineData("BreakDuration", "Resilience:CircuitBreaker:BreakDuration must be between 00:00:00.5000000 and 1.00:00:00.")]
    public void Resilience_settings_are_checked_across_fields(string setting, string message)
    {
        var options = new PlugsmmClientOptions { ApiKey = "k" };
        switch (setting)
        {
            case "MaxRetryAttempts": options.Resilience.Retry.MaxRetryAttempts = 11; break;
            case "RetryDelay": options.Resilience.Retry.Delay = TimeSpan.FromMinutes(1); break;
            case "TotalTimeout": options.Resilience.TotalTimeout = TimeSpan.FromSeconds(10); break;
            case "FailureRatio": options.Resilience.CircuitBreaker.FailureRatio = 1.5; break;
            case "MinimumThroughput": options.Resilience.CircuitBreaker.MinimumThroughput = 1; break;
            default: options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(100); break;
        }

        using var http = new HttpClient();
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new PlugsmmClient(http, options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclassified_error_is_logged_as_unknown_error_and_not_retried()
    {
        var logs = new ConfigurationTests.ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var panel = new PanelStub(o => o.Resilience.Retry.MaxRetryAttempts = 3, loggers.CreateLogger<PlugsmmClient>()).Answer("""{"error":"The moon is in the wrong phase"}""");

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.GetBalanceAsync());

        Assert.Equal(PlugsmmErrorKind.Unknown, error.Kind);
        Assert.Single(panel.Requests);
        var unknown = Assert.Single(logs.Messages, m => m.Contains("Unknown error", StringComparison.Ordinal));
        Assert.Contains(error.CorrelationId, unknown, StringComparison.Ordinal);
        var errorLine = Assert.Single(logs.Messages, m => m.StartsWith("Plugsmm API error", StringComparison.Ordinal));
        Assert.Contains("error_type=Unknown", errorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_still_surfaces_as_a_plugsmm_exception_with_an_unknown_outcome()
    {
        using var panel = Panel().Fail(new ObjectDisposedException("SocketsHttpHandler"));

        var error = await Assert.ThrowsAsync<PlugsmmException>(() => panel.Client.AddOrderAsync(Order));

        Assert.Equal((PlugsmmErrorKind.Unknown, "unexpected", true), (error.Kind, error.Reason, error.OutcomeUnknown));
        Assert.IsType<ObjectDisposedException>(error.InnerException);
        Assert.Single(panel.Requests);
    }

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

    private static HttpResponseMessage TooManyRequests(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too Many Requests") };
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
