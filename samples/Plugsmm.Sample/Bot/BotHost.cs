using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;
using Plugsmm.Sample.Telegram;
using Plugsmm.Sample.Tracking;
using Telegram.Bot;

namespace Plugsmm.Sample.Bot;

/// <summary>
/// The bot as a generic host, configured from the environment: <c>PLUGSMMS_API_KEY</c>, <c>PLUGSMM_USE_NEW_API</c>,
/// <c>PLUGSMM_ENABLE_ORDER_TRACKING</c> (default true), <c>PLUGSMM_DB_PATH</c>, <c>TELEGRAM_BOT_TOKEN</c>,
/// <c>TELEGRAM_ADMIN_IDS</c>, <c>TELEGRAM_ADMIN_CHAT_ID</c>, and <c>Bot__Offers__&lt;name&gt;</c> = service id.
/// </summary>
public static class BotHost
{
    public static IHost Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var configuration = builder.Configuration;
        var tracking = !string.Equals(configuration["PLUGSMM_ENABLE_ORDER_TRACKING"], "false", StringComparison.OrdinalIgnoreCase);
        var offers = configuration.GetSection("Bot:Offers").GetChildren()
            .ToDictionary(
                offer => offer.Key.ToLowerInvariant(),
                offer => new BoostOffer { Name = offer.Key.ToLowerInvariant(), ServiceId = long.Parse(offer.Value!, CultureInfo.InvariantCulture) });
        if (offers.Count == 0)
        {
            offers["followers"] = new BoostOffer { Name = "followers", ServiceId = 1 };
        }

        builder.Services.AddPlugsmmClient(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ =>
        {
            var store = OrderStore.ForFile(configuration["PLUGSMM_DB_PATH"] ?? "plugsmm-sample.db");
            store.Migrate();
            return store;
        });
        builder.Services.AddSingleton<LogAdminNotifier>();

        var token = configuration["TELEGRAM_BOT_TOKEN"];
        if (!string.IsNullOrEmpty(token))
        {
            builder.Services.AddSingleton<ITelegramBotClient>(_ => new TelegramBotClient(token));
            builder.Services.AddSingleton(provider => new TelegramFrontEnd(
                provider.GetRequiredService<ITelegramBotClient>(),
                () => provider.GetRequiredService<BoostBot>(),
                (configuration["TELEGRAM_ADMIN_IDS"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToHashSet(),
                long.TryParse(configuration["TELEGRAM_ADMIN_CHAT_ID"], CultureInfo.InvariantCulture, out var chat) ? chat : null,
                configuration["Bot:DefaultOffer"] ?? offers.Keys.First(),
                provider.GetRequiredService<ILogger<TelegramFrontEnd>>()));
            builder.Services.AddSingleton<IAdminNotifier>(provider => provider.GetRequiredService<TelegramFrontEnd>());
            builder.Services.AddSingleton<IUserMessenger>(provider => provider.GetRequiredService<TelegramFrontEnd>());
            builder.Services.AddHostedService(provider => provider.GetRequiredService<TelegramFrontEnd>());
        }
        else
        {
            builder.Services.AddSingleton<IAdminNotifier>(provider => provider.GetRequiredService<LogAdminNotifier>());
            builder.Services.AddSingleton<IUserMessenger, InMemoryMessenger>();
        }

        builder.Services.AddSingleton(provider => new BoostBot(
            provider.GetRequiredService<IPlugsmmClient>(),
            provider.GetRequiredService<OrderStore>(),
            offers,
            provider.GetRequiredService<IAdminNotifier>(),
            provider.GetRequiredService<TimeProvider>(),
            tracking));
        if (tracking)
        {
            builder.Services.AddHostedService(provider => new OrderTracker(
                provider.GetRequiredService<IPlugsmmClient>(),
                provider.GetRequiredService<OrderStore>(),
                provider.GetRequiredService<IUserMessenger>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<OrderTracker>>()));
        }

        builder.Services.AddHostedService(provider => new BalanceMonitor(
            provider.GetRequiredService<IPlugsmmClient>(),
            provider.GetRequiredService<IAdminNotifier>(),
            provider.GetRequiredService<TimeProvider>(),
            decimal.TryParse(configuration["Bot:BalanceThreshold"], NumberStyles.Number, CultureInfo.InvariantCulture, out var threshold) ? threshold : 10m));
        return builder.Build();
    }
}
