using Microsoft.Extensions.Logging;

namespace Plugsmm.Orders;

/// <summary>
/// Delivers the outbox to the host's handler at least once: an event is acknowledged only after the handler returned;
/// one whose handler threw is deferred with backoff and delivered again.
/// </summary>
internal sealed class EventDelivery(IOrderStore store, IOrderEventHandler handler, PlugsmmOrdersOptions options, ILogger logger)
{
    /// <returns>How many events were handed to the handler.</returns>
    internal async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var events = await store.ReadPendingEventsAsync(options.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var orderEvent in events)
        {
            try
            {
                await handler.HandleAsync(orderEvent, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The handler is the host's code: whatever it throws, the event is delivered again later.
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                var retryIn = Backoff.For(orderEvent.PreviousAttempts + 1, options.EventRetryDelay, options.MaxRetryDelay);
                OrdersLog.HandlerFailed(logger, error, orderEvent.Sequence, orderEvent.DedupeKey, retryIn.TotalSeconds);
                await store.DeferEventAsync(orderEvent.Sequence, retryIn, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await store.AckEventAsync(orderEvent.Sequence, cancellationToken).ConfigureAwait(false);
        }

        return events.Count;
    }
}
