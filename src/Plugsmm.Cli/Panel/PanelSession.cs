using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>
/// A client for one command: configured as the SDK's host would be (the <c>Plugsmm</c> section from <c>Plugsmm__*</c>
/// environment variables, <c>PLUGSMM_USE_NEW_API</c>), with the key from <see cref="ApiKeySource"/>, the endpoint from
/// <c>--base-url</c> or <c>PLUGSMM_BASE_URL</c> (the production panel by default), and logs on stderr only.
/// </summary>
internal sealed class PanelSession : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PanelSession(ServiceProvider provider, PlugsmmClientOptions options, bool keyIsSet)
    {
        _provider = provider;
        Options = options;
        KeyIsSet = keyIsSet;
    }

    /// <summary>The client's settings, checked.</summary>
    public PlugsmmClientOptions Options { get; }

    /// <summary>Whether a real key was found (a dry run works without one).</summary>
    public bool KeyIsSet { get; }

    public ILoggerFactory Loggers => _provider.GetRequiredService<ILoggerFactory>();

    /// <summary>Opens the session; a missing key, a bad endpoint or a bad setting is a usage error (nothing sent).</summary>
    public static PanelSession Open(ParseResult parse, PanelOptions panel, Terminal terminal, bool keyOptional = false)
    {
        var key = keyOptional ? ApiKeySource.Find(parse.GetValue(panel.KeyFile)) : ApiKeySource.Require(parse.GetValue(panel.KeyFile));
        var baseUrl = parse.GetValue(panel.BaseUrl) ?? BaseUrlFromEnvironment();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new StderrLoggerProvider(terminal.Error, parse.GetValue(panel.Verbose)));
        });
        services.AddPlugsmmClient(configuration).Services.Configure<PlugsmmClientOptions>(options =>
        {
            // A dry run sends nothing: without a key it still shows the fields, the key masked.
            options.ApiKey = key ?? options.ApiKey ?? "dry-run-without-a-key";
            if (baseUrl is not null)
            {
                options.BaseAddress = baseUrl;
            }
        });
        var provider = services.BuildServiceProvider();
        try
        {
            var options = provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);
            return new PanelSession(provider, options, key is not null);
        }
        catch (OptionsValidationException exception)
        {
            provider.Dispose();
            throw new UsageException(string.Join(" ", exception.Failures), exception);
        }
    }

    /// <summary>The default client, talking to the panel.</summary>
    public IPlugsmmClient CreateClient() => _provider.GetRequiredService<IPlugsmmClient>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static Uri? BaseUrlFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(PanelOptions.BaseUrlVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new UsageException($"{PanelOptions.BaseUrlVariable}: '{text}' is not valid: expected an absolute http(s) URL such as https://plugsmmservice.com/api/v2.");
    }
}
