using System.Globalization;
using Plugsmm.Client;
using Plugsmm.Sample.Tracking;

namespace Plugsmm.Sample.Bot;

/// <summary>
/// The bot's domain, apart from any transport: maps a user's boost request to the provider's service, places the
/// order, stores it, answers the user with a generic message and tells admins the detail. Orders whose outcome
/// is unknown are flagged for an admin and never re-sent automatically.
/// </summary>
public sealed class BoostBot(
    IPlugsmmClient panel,
    OrderStore store,
    IReadOnlyDictionary<string, BoostOffer> offers,
    IAdminNotifier admins,
    TimeProvider time,
    bool trackOrders = true)
{
    /// <summary>Handles <c>/boost &lt;offer&gt; &lt;link&gt; &lt;quantity&gt;</c>.</summary>
    public async Task<BoostReply> BoostAsync(string userId, string offerName, string link, int quantity, CancellationToken cancellationToken = default)
    {
        if (!offers.TryGetValue(offerName.Trim().ToLowerInvariant(), out var offer))
        {
            return new BoostReply($"Unknown boost '{offerName}'. Try: {string.Join(", ", offers.Keys)}.");
        }

        var order = new DefaultOrder { ServiceId = offer.ServiceId, Link = link.Trim(), Quantity = quantity };
        var id = store.Create(userId, offer.Name, order.Link, quantity, time.GetUtcNow());
        try
        {
            var providerOrderId = await panel.AddOrderAsync(order, cancellationToken).ConfigureAwait(false);
            if (trackOrders)
            {
                store.SetProviderOrder(id, providerOrderId, time.GetUtcNow());
            }

            return new BoostReply($"Your boost #{id} of {quantity} {offer.Name} is on its way.", id);
        }
        catch (ArgumentException exception)
        {
            store.MarkFailed(id, "invalid request: " + exception.Message, time.GetUtcNow());
            return new BoostReply("That request is not valid: please check the link and the quantity.", id);
        }
        catch (PlugsmmException exception)
        {
            if (exception.OutcomeUnknown)
            {
                store.FlagOutcomeUnknown(id, $"{exception.Reason} (correlation {exception.CorrelationId})", time.GetUtcNow());
                await admins.NotifyAsync(
                    $"Order #{id} ({offer.Name}, {quantity}, {order.Link}): outcome unknown after {exception.Reason}. It was NOT re-sent; check the panel for it before ordering again. correlation_id={exception.CorrelationId}",
                    cancellationToken).ConfigureAwait(false);
            }
            else
            {
                store.MarkFailed(id, $"{exception.Kind}: {exception.Reason}", time.GetUtcNow());
                await admins.NotifyAsync(
                    $"Order #{id} failed: error_type={exception.Kind} reason={exception.Reason} panel said '{exception.PanelError ?? exception.Message}' correlation_id={exception.CorrelationId}",
                    cancellationToken).ConfigureAwait(false);
            }

            return new BoostReply(exception.UserMessage, id);
        }
    }

    /// <summary>Handles <c>/status &lt;id&gt;</c>: what the database knows, fresh from the panel when possible.</summary>
    public async Task<string> StatusAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var order = store.Find(id);
        if (order is null || order.UserId != userId)
        {
            return $"No boost #{id} of yours.";
        }

        if (order.ProviderOrderId is not { } providerOrderId)
        {
            return order.OutcomeUnknown
                ? $"Boost #{id} is being checked by our team."
                : $"Boost #{id} could not be placed.";
        }

        try
        {
            var status = await panel.GetOrderStatusAsync(providerOrderId, cancellationToken).ConfigureAwait(false);
            store.RecordStatus(id, status.StatusText, status.Remains, time.GetUtcNow());
            return Describe(id, status.State, status.Remains, order.Quantity);
        }
        catch (PlugsmmException)
        {
            return $"Boost #{id}: {order.ProviderStatus ?? "Pending"} (last known).";
        }
    }

    /// <summary>Admin <c>/balance</c>.</summary>
    public async Task<string> BalanceAsync(CancellationToken cancellationToken = default)
    {
        var balance = await panel.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        return $"Provider balance: {balance.Amount.ToString(CultureInfo.InvariantCulture)} {balance.Currency}";
    }

    /// <summary>Admin <c>/refill &lt;id&gt;</c>.</summary>
    public async Task<string> RefillOrderAsync(long id, CancellationToken cancellationToken = default)
    {
        if (store.Find(id) is not { ProviderOrderId: { } providerOrderId })
        {
            return $"Boost #{id} has no provider order.";
        }

        try
        {
            var refill = await panel.RefillOrderAsync(providerOrderId, cancellationToken).ConfigureAwait(false);
            return $"Refill {refill} requested for boost #{id}.";
        }
        catch (PlugsmmException exception)
        {
            return $"Refill refused: {exception.Kind} ({exception.PanelError ?? exception.Reason}).";
        }
    }

    /// <summary>The user-facing words for a state.</summary>
    public static string Describe(long id, OrderState state, long? remains, long quantity) => state switch
    {
        OrderState.Completed => $"Boost #{id} is complete: all {quantity} delivered.",
        OrderState.Partial => $"Boost #{id} finished partly: {quantity - (remains ?? 0)} of {quantity} delivered, the rest refunded.",
        OrderState.InProgress => $"Boost #{id} is in progress: {quantity - (remains ?? quantity)} of {quantity} delivered.",
        OrderState.Canceled or OrderState.Refunded => $"Boost #{id} was cancelled and refunded.",
        _ => $"Boost #{id} is queued.",
    };
}
