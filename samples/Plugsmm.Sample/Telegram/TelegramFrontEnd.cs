using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;
using Plugsmm.Sample.Bot;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Plugsmm.Sample.Telegram;

/// <summary>
/// The bot's Telegram front end (long polling): <c>/boost [offer] &lt;link&gt; &lt;qty&gt;</c>, <c>/status &lt;id&gt;</c>, and for
/// admins <c>/balance</c> and <c>/refill &lt;id&gt;</c>. It is also how users hear that an order finished and how the
/// admin chat receives notifications. The bot logic lives in <see cref="BoostBot"/>; this class only translates.
/// </summary>
public sealed partial class TelegramFrontEnd(
    ITelegramBotClient telegram,
    Func<BoostBot> bot,
    IReadOnlySet<long> adminUserIds,
    long? adminChatId,
    string defaultOffer,
    ILogger<TelegramFrontEnd> logger) : BackgroundService, IUserMessenger, IAdminNotifier
{
    private int _offset;

    /// <summary>Fetches and handles one batch of updates; returns how many there were.</summary>
    public async Task<int> PollOnceAsync(int timeoutSeconds, CancellationToken cancellationToken)
    {
        var updates = await telegram.GetUpdates(_offset, limit: 100, timeout: timeoutSeconds, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var update in updates)
        {
            _offset = update.Id + 1;
            if (update.Message is { Text: { } text, From: { } from } message)
            {
                var reply = await HandleAsync(from.Id, text, cancellationToken).ConfigureAwait(false);
                await telegram.SendMessage(message.Chat.Id, reply, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        return updates.Length;
    }

    /// <summary>The answer to one command from <paramref name="userId"/>.</summary>
    public async Task<string> HandleAsync(long userId, string text, CancellationToken cancellationToken)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var user = userId.ToString(CultureInfo.InvariantCulture);
        var isAdmin = adminUserIds.Contains(userId);
        switch (parts.FirstOrDefault()?.Split('@')[0])
        {
            case "/boost" when parts.Length is 3 or 4 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity):
                var offer = parts.Length == 4 ? parts[1] : defaultOffer;
                return (await bot().BoostAsync(user, offer, parts[^2], quantity, cancellationToken).ConfigureAwait(false)).Text;
            case "/status" when parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                return await bot().StatusAsync(user, id, cancellationToken).ConfigureAwait(false);
            case "/balance" when isAdmin:
                return await Safe(() => bot().BalanceAsync(cancellationToken)).ConfigureAwait(false);
            case "/refill" when isAdmin && parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var refillId):
                return await bot().RefillOrderAsync(refillId, cancellationToken).ConfigureAwait(false);
            case "/balance" or "/refill":
                return "That command is for admins.";
            default:
                return "Commands: /boost [offer] <link> <quantity>, /status <id>";
        }
    }

    /// <inheritdoc />
    public async Task SendAsync(string userId, string text, CancellationToken cancellationToken) =>
        await telegram.SendMessage(long.Parse(userId, CultureInfo.InvariantCulture), text, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task NotifyAsync(string message, CancellationToken cancellationToken)
    {
        AdminNotificationSent(logger, message);
        if (adminChatId is { } chat)
        {
            await telegram.SendMessage(chat, message, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(25, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                PollFailed(logger, exception.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> Safe(Func<Task<string>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (PlugsmmException exception)
        {
            return $"Failed: {exception.Kind} ({exception.Reason}).";
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Admin notification sent: {Notification}")]
    private static partial void AdminNotificationSent(ILogger logger, string notification);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Telegram polling failed ({Error}); retrying in 5 s")]
    private static partial void PollFailed(ILogger logger, string error);
}
