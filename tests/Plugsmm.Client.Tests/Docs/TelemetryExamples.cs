using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>
/// docs/telemetry.md's examples: OpenTelemetry with the Prometheus exporter (scraped, to check the metric names the
/// page gives), a correlation scope, and the health checks.
/// </summary>
public sealed class TelemetryExamples
{
    [Fact]
    public async Task OpenTelemetry_exports_the_metrics_under_the_prometheus_names_the_page_gives()
    {
        await using var simulated = SimulatedPanel.CreateDefault();
        string[] args = ["--urls=http://127.0.0.1:0", $"--Plugsmm:BaseAddress={await simulated.StartAsync()}", $"--Plugsmm:ApiKey={simulated.ApiKey}"];

        // docs/telemetry.md: opentelemetry
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPlugsmmClient(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(PlugsmmTelemetry.MeterName).AddPrometheusExporter())
            .WithTracing(t => t.AddSource(PlugsmmTelemetry.ActivitySourceName).AddHttpClientInstrumentation());
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();   // GET /metrics
        // end

        await using var _ = app;
        await app.StartAsync();
        var client = app.Services.GetRequiredService<IPlugsmmClient>();
        await client.GetBalanceAsync();
        simulated.Faults.Next(PanelFault.TooManyRequests(TimeSpan.FromMilliseconds(10)));
        await client.GetServicesAsync();
        simulated.SetBalance(0m);
        await Assert.ThrowsAsync<PlugsmmException>(() => client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/a", Quantity = 100 }));

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri(new Uri(address), "/metrics"));

        var page = File.ReadAllText(Path.Combine(Repository.RepositoryPaths.Root, "docs", "telemetry.md"));
        foreach (var name in new[] { "plugsmm_client_requests_total", "plugsmm_client_failures_total", "plugsmm_client_successes_total", "plugsmm_client_retries_total", "plugsmm_client_request_duration_seconds_sum", "plugsmm_client_request_duration_seconds_count", "plugsmm_client_request_duration_seconds_bucket", "plugsmm_client_circuit_breaker_state" })
        {
            Assert.Contains(name + "{", scrape, StringComparison.Ordinal);
        }

        Assert.Contains("error_type=\"INSUFFICIENT_FUNDS\"", scrape, StringComparison.Ordinal);
        Assert.Contains("plugsmm_panel=\"default\"", scrape, StringComparison.Ordinal);
        foreach (var bucket in new[] { "0.005", "0.1", "2.5", "10", "30", "60", "120" })
        {
            // The histogram's advised boundaries, which the exporter takes without a view.
            Assert.Contains($"le=\"{bucket}\"", scrape, StringComparison.Ordinal);
        }

        Assert.Contains("otel_scope_version=\"" + PlugsmmTelemetry.Version + "\"", scrape, StringComparison.Ordinal);
        Assert.Contains("plugsmm_client_requests_total", page, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_correlation_scope_names_the_call()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var client = panel.CreateClient();
        var order = new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 100 };
        var update = new TelegramUpdate(4242);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Plugsmm.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        // docs/telemetry.md: correlation
        using (PlugsmmCorrelation.Begin($"tg-{update.Id}"))
        {
            await client.AddOrderAsync(order);
        }
        // end

        lock (spans)
        {
            Assert.Contains(spans, span => (string?)span.GetTagItem("plugsmm.correlation_id") == "tg-4242" && span.DisplayName == "plugsmm add");
        }

        Assert.Null(PlugsmmCorrelation.Current);
    }

    [Fact]
    public async Task Health_checks_for_the_default_and_a_named_client()
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPlugsmmClient(o => o.ApiKey = panel.ApiKey);
        builder.Services.AddPlugsmmClient("backup", o => o.ApiKey = panel.ApiKey);

        // docs/telemetry.md: health check
        builder.Services.AddHealthChecks().AddPlugsmm();          // the default client
        builder.Services.AddHealthChecks().AddPlugsmm("backup");  // a named client
        // end

        using var host = builder.Build();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(["plugsmm", "plugsmm-backup"], report.Entries.Keys.Order());
        Assert.All(report.Entries.Values, entry => Assert.Equal(HealthStatus.Healthy, entry.Status));
        Assert.Equal("never", report.Entries["plugsmm"].Data["last_success"]);
    }

    private sealed record TelegramUpdate(long Id);
}
