using Microsoft.Extensions.Logging;

namespace Plugsmm.Orders;

/// <summary>The engine's log lines, source-generated, with stable event ids (3000-3099).</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Plugsmm order placed order_id={OrderId} provider_order_id={ProviderOrderId} panel={Panel}")]
    public static partial void Placed(ILogger logger, long orderId, long providerOrderId, string panel);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Plugsmm order waiting order_id={OrderId} reason={Reason} retry_in_s={RetryInSeconds}")]
    public static partial void Waiting(ILogger logger, long orderId, string reason, double retryInSeconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Plugsmm order failed order_id={OrderId} reason={Reason}: refused before anything was placed, refunded")]
    public static partial void Failed(ILogger logger, long orderId, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Plugsmm order outcome unknown order_id={OrderId} reason={Reason}: in the resolution queue, never re-sent; an operator resolves it")]
    public static partial void Unknown(ILogger logger, long orderId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Plugsmm order lease lost order_id={OrderId} fence={Fence}: another host owns it, this result is dropped")]
    public static partial void LeaseLost(ILogger logger, long orderId, long fence);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Critical, Message = "Plugsmm order placed but not recorded order_id={OrderId} provider_order_id={ProviderOrderId}: the lease was lost; resolve the order as placed #{ProviderOrderId}")]
    public static partial void PlacedLeaseLost(ILogger logger, long orderId, long providerOrderId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Critical, Message = "Plugsmm order placed but not recorded order_id={OrderId} provider_order_id={ProviderOrderId}: the store failed; the order reaches the resolution queue when its lease ends: resolve it as placed #{ProviderOrderId}")]
    public static partial void PlacedNotRecorded(ILogger logger, Exception error, long orderId, long providerOrderId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Plugsmm order event handler failed sequence={Sequence} dedupe_key={DedupeKey}: delivered again in {RetryInSeconds} s")]
    public static partial void HandlerFailed(ILogger logger, Exception error, long sequence, string dedupeKey, double retryInSeconds);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Plugsmm order engine step failed: retried after the poll interval")]
    public static partial void StepFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Plugsmm order resolved order_id={OrderId} placed={Placed} provider_order_id={ProviderOrderId}")]
    public static partial void Resolved(ILogger logger, long orderId, bool placed, long? providerOrderId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Plugsmm order finished order_id={OrderId} state={State} provider_status={ProviderStatus} refund={Refund}")]
    public static partial void Finished(ILogger logger, long orderId, LocalOrderState state, string providerStatus, decimal refund);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Plugsmm order status unrecognized order_id={OrderId} provider_status={ProviderStatus}: kept and polled on; tell us the word")]
    public static partial void StatusUnrecognized(ILogger logger, long orderId, string providerStatus);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Plugsmm order not found on panel order_id={OrderId} provider_order_id={ProviderOrderId} panel={Panel}: still Incorrect order ID after the grace period; polled on, check it on the panel")]
    public static partial void NotFoundOnPanel(ILogger logger, long orderId, long providerOrderId, string panel);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Plugsmm order status request failed panel={Panel} orders={Count}: polled again later")]
    public static partial void StatusRequestFailed(ILogger logger, Exception error, string panel, int count);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Plugsmm order cancel accepted order_id={OrderId} provider_order_id={ProviderOrderId}: tracked until the panel reports it canceled")]
    public static partial void CancelAccepted(ILogger logger, long orderId, long providerOrderId);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Plugsmm order cancel refused order_id={OrderId} provider_order_id={ProviderOrderId} reason={Reason}: the order runs on, nothing refunded")]
    public static partial void CancelRefused(ILogger logger, long orderId, long providerOrderId, string reason);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "Plugsmm order cancel outcome unknown order_id={OrderId} provider_order_id={ProviderOrderId} reason={Reason}: not sent again; the tracked status tells")]
    public static partial void CancelUnknown(ILogger logger, long orderId, long providerOrderId, string reason);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Information, Message = "Plugsmm order refill order_id={OrderId} refill_id={RefillId} state={State}")]
    public static partial void RefillProgressed(ILogger logger, long orderId, long refillId, RefillRequestState state);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning, Message = "Plugsmm order refill refused order_id={OrderId} provider_order_id={ProviderOrderId} reason={Reason}: tell the customer; nothing was refilled")]
    public static partial void RefillRefused(ILogger logger, long orderId, long providerOrderId, string reason);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Warning, Message = "Plugsmm order refill outcome unknown order_id={OrderId} provider_order_id={ProviderOrderId} reason={Reason}: not sent again; look on the panel")]
    public static partial void RefillUnknown(ILogger logger, long orderId, long providerOrderId, string reason);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Plugsmm panel balance low panel={Panel} balance={Balance} threshold={Threshold}: top the panel up")]
    internal static partial void BalanceLow(ILogger logger, string panel, decimal balance, decimal threshold);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Plugsmm panel balance restored panel={Panel} balance={Balance}")]
    internal static partial void BalanceRestored(ILogger logger, string panel, decimal balance);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Information, Message = "Plugsmm panel topped up panel={Panel} balance={Balance}: {Orders} orders waiting for funds placed again")]
    internal static partial void ToppedUp(ILogger logger, string panel, decimal balance, int orders);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Warning, Message = "Plugsmm panel balance check failed panel={Panel}: checked again at the next interval")]
    internal static partial void BalanceCheckFailed(ILogger logger, Exception error, string panel);

    [LoggerMessage(EventId = 3035, Level = LogLevel.Warning, Message = "Plugsmm order store lacks {Feature}: the order store does not implement it (an IOrderStore written before it); the engine runs on without it")]
    internal static partial void StoreLacks(ILogger logger, string feature);
}
