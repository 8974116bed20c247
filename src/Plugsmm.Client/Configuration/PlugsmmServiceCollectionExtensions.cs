using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Plugsmm.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Plugsmm clients with dependency injection.</summary>
public static class PlugsmmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="IPlugsmmClient"/>, configured in code. Options are checked at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (at least <see cref="PlugsmmClientOptions.ApiKey"/>).</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPlugsmmClient(this IServiceCollection services, Action<PlugsmmClientOptions> configure) =>
        services.AddPlugsmmClient(Options.Options.DefaultName, configure);

    /// <summary>Registers the client named <paramref name="name"/>, configured in code; get it from <see cref="IPlugsmmClientFactory"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (one per panel); the empty string registers the default <see cref="IPlugsmmClient"/>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPlugsmmClient(this IServiceCollection services, string name, Action<PlugsmmClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PlugsmmClientOptions>(name).Configure(configure).ValidateOnStart();
        return AddCore(services, name);
    }

    /// <summary>
    /// Registers the client named <paramref name="name"/> (default: the default <see cref="IPlugsmmClient"/>) from
    /// configuration: the <c>Plugsmm</c> section (<c>ApiKey</c>, <c>BaseAddress</c>, <c>UserAgent</c>, <c>UseNewApi</c>,
    /// <c>MaxResponseBytes</c>, <c>Resilience:…</c>, <c>ErrorRules:…</c>), with the runbook's environment variables
    /// <c>PLUGSMMS_API_KEY</c> and <c>PLUGSMM_USE_NEW_API</c> used where the section is silent. When the configuration
    /// reloads, the next calls use the new options, resilience settings included.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (environment variables included).</param>
    /// <param name="name">The client's name; the empty string for the default client.</param>
    /// <param name="sectionName">The section to read, <see cref="PlugsmmClientOptions.SectionName"/> by default.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddPlugsmmClient(this IServiceCollection services, IConfiguration configuration, string name = "", string sectionName = PlugsmmClientOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sectionName);
        var builder = services.AddPlugsmmClient(name, options => PlugsmmConfiguration.Bind(options, configuration, sectionName));
        // A configuration reload reaches the options, and through them the name's resilience pipeline.
        services.AddSingleton<IOptionsChangeTokenSource<PlugsmmClientOptions>>(new ConfigurationChangeSource(name, configuration));
        return builder;
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlugsmmClientOptions>, PlugsmmClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlugsmmClientOptions>, PlugsmmClientOptionsRules>());
        services.AddMetrics();
        services.TryAddSingleton(provider => new PlugsmmMetrics(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>().Create(PlugsmmMetrics.CreateMeterOptions())));
        services.TryAddSingleton<PlugsmmClientFactory>(provider => new PlugsmmClientFactory(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOptionsMonitor<PlugsmmClientOptions>>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            provider.GetRequiredService<PlugsmmMetrics>(),
            provider.GetService<TimeProvider>()));
        services.TryAddSingleton<IPlugsmmClientFactory>(provider => provider.GetRequiredService<PlugsmmClientFactory>());
        if (name.Length == 0)
        {
            services.TryAddTransient<IPlugsmmClient>(provider => provider.GetRequiredService<IPlugsmmClientFactory>().CreateClient(string.Empty));
        }

        return services
            .AddHttpClient(PlugsmmClientFactory.HttpClientName(name))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // IHttpClientFactory's logging handlers put raw answer-header values in their log state at Trace (only the
            // formatted text is redacted): a panel echoing the key in a header would hand it to any structured sink.
            // The client logs each call itself; a host can add a logger of its own with AddLogger.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The API key is in the body: a redirect must never carry it elsewhere.
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
    }
}
