using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;
using Plugsmm.Sample.Bot;

namespace Plugsmm.Sample.Tracking;

/// <summary>
/// The runbook's Phase 2 background job: polls the status of every tracked order in batches of 100, records each
/// change, tells the user when an order completes or ends partial, and backs off when the panel rate-limits.
/// Safe to restart at any point: everything it needs is in the database.
/// </summary>
public sealed partial class OrderTracker(
    IPlugsmmClient panel,
    OrderStore store,
    IUserMessenger users,
    TimeProvider time,
    ILogger<OrderTracker> logger,
    TimeSpan? interval = null) : BackgroundService
{
    /// <summary>The default time between two polls.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(2);

    private readonly TimeSpan _interval = interval ?? DefaultInterval;

    /// <summary>One pass over every tracked order; returns how long to wait before the next.</summary>
    public async Task<TimeSpan> PollOnceAsync(CancellationToken cancellationToken)
    {
        var active = store.Active();
        if (active.Count == 0)
        {
            return _interval;
        }

        IReadOnlyList<ItemResult<OrderStatus>> statuses;
        try
        {
            statuses = await panel.GetOrderStatusesAsync(active.Select(o => o.ProviderOrderId!.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (PlugsmmException exception) when (exception.Kind is PlugsmmErrorKind.RateLimited or PlugsmmErrorKind.Transient)
        {
            var wait = exception.RetryAfter ?? _interval * 2;
            TrackingBackOff(logger, exception.Kind, wait.TotalSeconds);
            return wait;
        }

        var byProviderId = statuses.ToDictionary(s => s.Id);
        foreach (var order in active)
        {
            if (!byProviderId.TryGetValue(order.ProviderOrderId!.Value, out var item) || !item.IsSuccess)
            {
                continue;
            }

            var status = item.Value;
            var now = time.GetUtcNow();
            if (store.RecordStatus(order.Id, status.StatusText, status.Remains, now))
            {
                StatusChanged(logger, order.Id, order.ProviderOrderId.Value, status.StatusText, status.Remains);
            }

            if (OrderStore.FinalStatuses.Contains(status.StatusText))
            {
                await users.SendAsync(order.UserId, BoostBot.Describe(order.Id, status.State, status.Remains, order.Quantity), cancellationToken).ConfigureAwait(false);
                store.MarkFinalNotified(order.Id, now);
            }
        }

        return _interval;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await PollOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (PlugsmmException exception)
            {
                TrackingFailed(logger, exception.Kind, exception.Reason);
                wait = _interval;
            }

            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Order #{OrderId} (provider {ProviderOrderId}) is now {Status}, remains {Remains}")]
    private static partial void StatusChanged(ILogger logger, long orderId, long providerOrderId, string status, long? remains);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Order tracking backs off after {Kind}: next poll in {Seconds}s")]
    private static partial void TrackingBackOff(ILogger logger, PlugsmmErrorKind kind, double seconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Order tracking poll failed: {Kind} ({Reason})")]
    private static partial void TrackingFailed(ILogger logger, PlugsmmErrorKind kind, string reason);
}
