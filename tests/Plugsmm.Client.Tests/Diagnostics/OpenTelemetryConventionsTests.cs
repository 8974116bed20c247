using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Plugsmm.Client.Tests.Client;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>
/// OpenTelemetry conventions (issue 17, item 7): the duration histogram's bucket advice in seconds, the package
/// version on the meter and the activity source, <c>server.address</c>/<c>server.port</c> on each call's span from
/// its start, and the public names equal to the ones used.
/// </summary>
public sealed class OpenTelemetryConventionsTests
{
    private static readonly double[] Boundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120];

    private static string PackageVersion
    {
        get
        {
            var informational = typeof(PlugsmmClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            return informational.Split('+')[0];
        }
    }

    [Fact]
    public async Task The_duration_histogram_advises_buckets_in_seconds_up_to_the_total_timeout()
    {
        using var t = new Telemetry();
        t.Panel.Answer("""{"balance":"1.00","currency":"USD"}""");
        await t.Panel.Client.GetBalanceAsync();

        var histogram = Assert.IsType<Histogram<double>>(t.Duration.Instrument);
        Assert.Equal("s", histogram.Unit);
        Assert.Equal(Boundaries, histogram.Advice?.HistogramBucketBoundaries);
        var defaults = new PlugsmmResilienceOptions();
        Assert.Equal(defaults.TotalTimeout.TotalSeconds, Boundaries[^1]);
        Assert.Contains(defaults.AttemptTimeout.TotalSeconds, Boundaries);
    }

    [Fact]
    public void The_meters_carry_the_package_version_and_the_public_name()
    {
        Assert.DoesNotContain("+", PackageVersion, StringComparison.Ordinal);
        Assert.Equal(PackageVersion, PlugsmmTelemetry.Version);
        _ = PlugsmmMetrics.Default;
        using var services = new ServiceCollection().AddPlugsmmClient(o => o.ApiKey = PanelStub.ApiKey).Services.BuildServiceProvider();
        var factoryMeter = services.GetRequiredService<PlugsmmMetrics>();
        _ = PlugsmmMetrics.For(services.GetRequiredService<IMeterFactory>());

        var meters = new List<Meter>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == PlugsmmTelemetry.MeterName)
                {
                    lock (meters)
                    {
                        meters.Add(instrument.Meter);
                    }
                }
            };
            listener.Start();
        }

        Assert.NotNull(factoryMeter);
        Assert.Contains(meters, m => m.Scope is null);
        Assert.Contains(meters, m => m.Scope is not null);
        Assert.All(meters, m => Assert.Equal((PlugsmmTelemetry.MeterName, PackageVersion), (m.Name, m.Version)));
    }

    [Fact]
    public void The_activity_source_carries_the_package_version_and_the_public_name()
    {
        Assert.Equal((PlugsmmTelemetry.ActivitySourceName, PackageVersion), (PlugsmmTracing.Source.Name, PlugsmmTracing.Source.Version));
    }

    [Fact]
    public void The_public_names_are_the_ones_documented()
    {
        Assert.Equal(("Plugsmm.Client", "Plugsmm.Client"), (PlugsmmTelemetry.MeterName, PlugsmmTelemetry.ActivitySourceName));
        Assert.Equal(PlugsmmTelemetry.MeterName, PlugsmmMetrics.MeterName);
        Assert.Equal(PlugsmmTelemetry.ActivitySourceName, PlugsmmTracing.SourceName);
    }

    [Fact]
    public async Task A_calls_span_carries_the_panels_server_address_and_port()
    {
        using var t = new Telemetry();
        t.Panel.Answer("""{"balance":"1.00","currency":"USD"}""");
        using (PlugsmmCorrelation.Begin(t.Id))
        {
            await t.Panel.Client.GetBalanceAsync();
        }

        var span = Assert.Single(t.SpansOf(t.Id));
        Assert.Equal(("panel.test", 443), (span.GetTagItem("server.address"), span.GetTagItem("server.port")));
    }

    [Theory]
    [InlineData("https://panel.test:8443/api/v2", "panel.test", 8443)]
    [InlineData("http://127.0.0.1:5000/api/v2", "127.0.0.1", 5000)]
    [InlineData("https://plugsmmservice.com/api/v2", "plugsmmservice.com", 443)]
    public async Task The_server_tags_are_on_the_span_when_it_starts_so_samplers_see_them(string baseAddress, string host, int port)
    {
        using var parent = new Activity("test-parent").SetIdFormat(ActivityIdFormat.W3C).Start();
        var traceId = parent.TraceId;
        IEnumerable<KeyValuePair<string, object?>>? seen = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlugsmmTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            {
                if (options.Parent.TraceId == traceId)
                {
                    seen = options.Tags?.ToList();
                }

                return ActivitySamplingResult.AllDataAndRecorded;
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var panel = new PanelStub(o => o.BaseAddress = new Uri(baseAddress));

        // Nothing answers at that address: the call fails, after its span started.
        await Assert.ThrowsAnyAsync<Exception>(() => panel.Client.GetBalanceAsync());

        Assert.NotNull(seen);
        Assert.Contains(new KeyValuePair<string, object?>("server.address", host), seen);
        Assert.Contains(new KeyValuePair<string, object?>("server.port", port), seen);
    }
}
