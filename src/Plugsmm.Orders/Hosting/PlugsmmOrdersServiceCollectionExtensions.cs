using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Plugsmm.Client;
using Plugsmm.Orders;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the order engine.</summary>
public static class PlugsmmOrdersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the order engine (<see cref="OrderEngine"/>), its background service and, unless an
    /// <see cref="IOrderStore"/> is registered already, the SQLite store at <see cref="PlugsmmOrdersOptions.DatabasePath"/>.
    /// Orders are placed through the clients of <c>AddPlugsmmClient</c> named in <see cref="PlugsmmOrdersOptions.Panels"/>;
    /// the host registers its <see cref="IOrderEventHandler"/> (any lifetime: each event is handled in a scope of its
    /// own). The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPlugsmmOrders(this IServiceCollection services, Action<PlugsmmOrdersOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var storeRegistered = services.Any(d => d.ServiceType == typeof(IOrderStore));
        services.AddOptions<PlugsmmOrdersOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlugsmmOrdersOptions>>(new PlugsmmOrdersOptionsValidator(storeRegistered)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOrderStore>(provider => new SqliteOrderStore(
            provider.GetRequiredService<IOptions<PlugsmmOrdersOptions>>().Value.DatabasePath!, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider =>
        {
            if (provider.GetService<IServiceProviderIsService>() is { } registered && !registered.IsService(typeof(IOrderEventHandler)))
            {
                throw new InvalidOperationException("AddPlugsmmOrders needs the host's IOrderEventHandler: register one (services.AddScoped<IOrderEventHandler, MyHandler>()).");
            }

            var factory = provider.GetRequiredService<IPlugsmmClientFactory>();
            return new OrderEngine(
                provider.GetRequiredService<IOrderStore>(),
                factory.CreateClient,
                new ScopedEventHandler(provider.GetRequiredService<IServiceScopeFactory>()),
                provider.GetRequiredService<IOptions<PlugsmmOrdersOptions>>().Value,
                provider.GetRequiredService<ILogger<OrderEngine>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<IMeterFactory>());
        });
        services.AddHostedService<OrderEngineService>();
        return services;
    }
}
