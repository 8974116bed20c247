using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client.Tests.Client;

/// <summary>Options: defaults, start-up validation with messages that say what to fix, configuration and the runbook's variables, named clients.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Defaults_are_the_runbooks()
    {
        var options = new PlugsmmClientOptions();

        Assert.Equal(new Uri("https://plugsmmservice.com/api/v2"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Resilience.AttemptTimeout);
        Assert.True(options.UseNewApi);
        Assert.Null(options.ApiKey);
        Assert.Equal(64L * 1024 * 1024, options.MaxResponseBytes);
        Assert.StartsWith("Plugsmm.Client/", options.UserAgent, StringComparison.Ordinal);
    }

    public static TheoryData<Action<PlugsmmClientOptions>, string> BadOptions() => new()
    {
        { o => o.ApiKey = null, "has no API key: set the PLUGSMMS_API_KEY environment variable or Plugsmm:ApiKey." },
        { o => o.ApiKey = "  ", "has no API key" },
        { o => o.ApiKey = "abc\n", "spaces or line breaks" },
        { o => o.BaseAddress = new Uri("api/v2", UriKind.Relative), "needs an absolute BaseAddress such as https://plugsmmservice.com/api/v2 (was 'api/v2')." },
        { o => o.BaseAddress = new Uri("http://plugsmmservice.com/api/v2"), "would send the API key over plain http to plugsmmservice.com: use https" },
        { o => o.BaseAddress = new Uri("ftp://plugsmmservice.com/api/v2"), "needs an http(s) BaseAddress" },
        { o => o.BaseAddress = new Uri("https://user:pw@plugsmmservice.com/api/v2"), "has credentials in its BaseAddress" },
        { o => o.Resilience.AttemptTimeout = TimeSpan.Zero, "Resilience:AttemptTimeout must be between 00:00:00.0100000 and 00:10:00." },
        { o => o.Resilience.AttemptTimeout = TimeSpan.FromHours(1), "Resilience:AttemptTimeout must be between" },
        { o => o.UserAgent = "bad\nagent", "UserAgent that is not a valid header value" },
        { o => o.MaxResponseBytes = 0, "MaxResponseBytes must be between 1 and 1073741824." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_fail_at_start_up_saying_what_to_fix(Action<PlugsmmClientOptions> spoil, string message)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = "key";
            spoil(o);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPlugsmmClient>());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/api/v2")]
    [InlineData("http://localhost/api/v2")]
    [InlineData("http://[::1]:9000/api/v2")]
    public void Plain_http_is_allowed_to_loopback_only(string address)
    {
        var options = new PlugsmmClientOptions { ApiKey = "key", BaseAddress = new Uri(address) };

        using var http = new HttpClient();
        _ = new PlugsmmClient(http, options);
    }

    [Fact]
    public void A_directly_built_client_checks_its_options_too()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<OptionsValidationException>(() => new PlugsmmClient(http, new PlugsmmClientOptions()));

        Assert.Contains("PLUGSMMS_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_section_and_the_runbooks_environment_variables_are_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PLUGSMMS_API_KEY"] = "from-env",
            ["PLUGSMM_USE_NEW_API"] = "false",
            ["Plugsmm:BaseAddress"] = "https://panel.example/api/v2",
            ["Plugsmm:Resilience:AttemptTimeout"] = "00:00:12",
            ["Plugsmm:UserAgent"] = "Bot/1",
            ["Plugsmm:MaxResponseBytes"] = "2048",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(string.Empty);

        Assert.Equal(("from-env", false, "https://panel.example/api/v2", TimeSpan.FromSeconds(12), "Bot/1", 2048L),
            (options.ApiKey, options.UseNewApi, options.BaseAddress.ToString(), options.Resilience.AttemptTimeout, options.UserAgent, options.MaxResponseBytes));
    }

    [Fact]
    public void The_section_wins_over_the_environment_variables()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PLUGSMMS_API_KEY"] = "from-env",
            ["PLUGSMM_USE_NEW_API"] = "false",
            ["Plugsmm:ApiKey"] = "from-section",
            ["Plugsmm:UseNewApi"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(string.Empty);

        Assert.Equal(("from-section", true), (options.ApiKey, options.UseNewApi));
    }

    [Fact]
    public void Real_environment_variables_reach_the_client()
    {
        const string variable = "PLUGSMMS_API_KEY";
        var before = Environment.GetEnvironmentVariable(variable);
        try
        {
            Environment.SetEnvironmentVariable(variable, "key-from-the-process");
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var services = new ServiceCollection().AddLogging();
            services.AddPlugsmmClient(configuration);
            using var provider = services.BuildServiceProvider();

            Assert.Equal("key-from-the-process", provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(string.Empty).ApiKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }

    [Theory]
    [InlineData("maybe", "Plugsmm:UseNewApi (PLUGSMM_USE_NEW_API) must be true or false (was 'maybe').")]
    public void A_flag_that_is_not_a_boolean_is_an_error_not_a_guess(string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PLUGSMMS_API_KEY"] = "k",
            ["PLUGSMM_USE_NEW_API"] = value,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPlugsmmClient>());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_validated_when_the_host_starts()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o => o.BaseAddress = new Uri("http://panel.example/api/v2"));
        using var provider = services.BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();

        var error = Assert.Throws<OptionsValidationException>(validator.Validate);
        Assert.Contains("has no API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_panels_live_side_by_side_as_named_clients()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient("plugsmm", o => o.ApiKey = "key-a");
        services.AddPlugsmmClient("other", o =>
        {
            o.ApiKey = "key-b";
            o.BaseAddress = new Uri("https://other-panel.example/api/v2");
        });
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IPlugsmmClientFactory>();
        var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>();

        Assert.IsType<PlugsmmClient>(factory.CreateClient("plugsmm"));
        Assert.IsType<PlugsmmClient>(factory.CreateClient("other"));
        Assert.Equal("key-a", options.Get("plugsmm").ApiKey);
        Assert.Equal("https://other-panel.example/api/v2", options.Get("other").BaseAddress.ToString());
        Assert.Null(provider.GetService<IPlugsmmClient>());
    }

    [Fact]
    public void The_registered_http_handler_never_follows_redirects()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPlugsmmClient(o => o.ApiKey = "key");
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("Plugsmm.Client:");

        var primary = Innermost(handler);
        var sockets = Assert.IsType<SocketsHttpHandler>(primary);
        Assert.False(sockets.AllowAutoRedirect);
    }

    [Fact]
    public void The_legacy_adapter_is_logged_once_per_client_however_many_are_created()
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs));
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = "key";
            o.UseNewApi = false;
        });
        using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 3; i++)
        {
            _ = provider.GetRequiredService<IPlugsmmClient>();
        }

        var line = Assert.Single(logs.Messages, m => m.Contains("using legacy adapter", StringComparison.Ordinal));
        Assert.Contains("PLUGSMM_USE_NEW_API=false", line, StringComparison.Ordinal);
    }

    private static HttpMessageHandler Innermost(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        return handler;
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

    internal sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (messages)
                {
                    messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
