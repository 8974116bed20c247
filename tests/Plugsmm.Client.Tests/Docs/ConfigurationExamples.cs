using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>docs/configuration.md: its appsettings.json binds to exactly the values it claims; its code examples compile and do what they say.</summary>
public sealed partial class ConfigurationExamples
{
    private static string Page => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md")).ReplaceLineEndings("\n");

    [Fact]
    public void The_appsettings_json_of_the_page_binds_to_the_options_it_describes()
    {
        var json = JsonBlock().Match(Page[Page.IndexOf("## appsettings.json\n", StringComparison.Ordinal)..]).Groups[1].Value;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(Options.DefaultName);

        Assert.Equal("0123456789abcdef0123456789abcdef", options.ApiKey);
        Assert.Equal(new Uri("https://plugsmmservice.com/api/v2"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.AttemptTimeout);
        Assert.Equal("MyBoostBot/2.1", options.UserAgent);
        Assert.True(options.UseNewApi);
        Assert.Equal(16 * 1024 * 1024, options.MaxResponseBytes);
        var resilience = options.Resilience;
        Assert.Equal((3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), true), (resilience.Retry.MaxRetryAttempts, resilience.Retry.Delay, resilience.Retry.MaxDelay, resilience.Retry.UseJitter));
        Assert.Equal((TimeSpan.FromSeconds(120), 0.5, 10), (resilience.TotalTimeout, resilience.CircuitBreaker.FailureRatio, resilience.CircuitBreaker.MinimumThroughput));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)), (resilience.CircuitBreaker.SamplingDuration, resilience.CircuitBreaker.BreakDuration));
        var rule = Assert.Single(options.ErrorRules);
        Assert.Equal(("under maintenance", PlugsmmErrorKind.Transient, "maintenance"), (rule.Pattern, rule.Kind, rule.Reason));
    }

    [Fact]
    public void The_options_table_lists_every_option_with_its_default()
    {
        var defaults = new PlugsmmClientOptions();
        var rows = OptionRow().Matches(Page).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(typeof(PlugsmmClientOptions).GetProperties().Select(p => p.Name).Order(), rows.Keys.Order());
        Assert.Equal($"`{defaults.BaseAddress}`", rows["BaseAddress"]);
        Assert.Equal($"`{defaults.UserAgent}`", rows["UserAgent"]);
        Assert.Equal("`true`", rows["UseNewApi"]);
        Assert.Equal($"`{defaults.MaxResponseBytes}` (64 MiB)", rows["MaxResponseBytes"]);
    }

    [Fact]
    public void Options_in_code()
    {
        var services = new ServiceCollection();
        var apiKey = "0123456789abcdef0123456789abcdef";

        // docs/configuration.md: in code
        services.AddPlugsmmClient(options =>
        {
            options.ApiKey = apiKey;
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(15);
            options.UserAgent = "MyBoostBot/2.1";
            options.Resilience.Retry.MaxRetryAttempts = 2;
            options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            options.ErrorRules.Add(new PlugsmmErrorRule { Pattern = "under maintenance", Kind = PlugsmmErrorKind.Transient, Reason = "maintenance" });
        });
        // end

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(Options.DefaultName);
        Assert.Equal((TimeSpan.FromSeconds(15), 2, TimeSpan.FromSeconds(30)), (options.Resilience.AttemptTimeout, options.Resilience.Retry.MaxRetryAttempts, options.Resilience.CircuitBreaker.BreakDuration));
        Assert.Equal("maintenance", Assert.Single(options.ErrorRules).Reason);
    }

    [Fact]
    public void A_proxy_in_the_http_pipeline()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["Plugsmm:ApiKey"] = "0123456789abcdef0123456789abcdef";

        // docs/configuration.md: http pipeline
        builder.Services.AddPlugsmmClient(builder.Configuration)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,   // keep it off: the API key is in the body
                Proxy = new WebProxy("http://proxy.internal:3128"),
                UseProxy = true,
            });
        // end

        using var host = builder.Build();
        var handler = host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(PlugsmmClientFactory.HttpClientName(string.Empty));
        while (handler is DelegatingHandler outer)
        {
            handler = outer.InnerHandler!;
        }

        var primary = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(primary.AllowAutoRedirect);
        Assert.Equal(new Uri("http://proxy.internal:3128/"), primary.Proxy!.GetProxy(new Uri("https://plugsmmservice.com/api/v2")));
    }

    [Fact]
    public void The_validation_messages_on_the_page_are_the_validators_own()
    {
        var options = new PlugsmmClientOptions { ApiKey = " key ", BaseAddress = new Uri("http://example.com/api/v2"), Resilience = { AttemptTimeout = TimeSpan.Zero } };

        var error = Assert.Throws<OptionsValidationException>(() => PlugsmmClientOptionsValidator.ThrowIfInvalid(Options.DefaultName, options));

        Assert.Equal(3, error.Failures.Count());
        foreach (var failure in error.Failures)
        {
            Assert.Contains(Regex.Replace(failure, @"\(was [^)]*\)", "(was …)"), Page, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    /// <summary>A row of the options table: | `Name` | … | default |.</summary>
    [GeneratedRegex(@"^\| `(\w+)` \|[^|\n]*\|[^|\n]*\| ([^|\n]+?) \|", RegexOptions.Multiline)]
    private static partial Regex OptionRow();
}
