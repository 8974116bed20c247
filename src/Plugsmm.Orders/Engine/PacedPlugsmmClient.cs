using System.Collections.Concurrent;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// A panel's client whose every request waits its turn at the panel's <see cref="RequestPacer"/>
/// (<see cref="PlugsmmOrdersOptions.RequestsPerMinute"/>): a call over more than 100 ids is sent as requests of 100,
/// each paced. A 429 with <c>Retry-After</c> holds the panel's next request until then. Retries made inside the client
/// itself (its resilience options) are not paced: with pacing the panel should not refuse for its rate. A call with a
/// side effect (<c>add</c>, <c>cancel</c>, <c>refill</c>) canceled while it waits for its turn has sent nothing: it
/// fails as trouble that certainly never reached the panel (a retryable <see cref="PlugsmmException"/>, reason
/// <c>canceled_before_sending</c>), so the engine tries it again later instead of taking its outcome for unknown.
/// </summary>
internal sealed class PacedPlugsmmClient(IPlugsmmClient inner, RequestPacer pacer, TimeSpan longestSideEffectWait) : IPlugsmmClient
{
    /// <summary>The most ids one request carries.</summary>
    private const int MaxIds = 100;

    /// <summary>The reason of a call with a side effect canceled before it was sent.</summary>
    internal const string CanceledBeforeSending = "canceled_before_sending";

    /// <summary>
    /// The reason of a call with a side effect not sent because its turn was further away than half the lease (a long
    /// <c>Retry-After</c> hold): the order's lease must outlast the request, or another host could take the order for
    /// interrupted while it is still to leave.
    /// </summary>
    internal const string TurnTooFar = "paced_turn_too_far";

    public PlugsmmCircuitState CircuitState => inner.CircuitState;

    /// <summary>The engine's clients, paced per panel name when <see cref="PlugsmmOrdersOptions.RequestsPerMinute"/> is set (else unchanged).</summary>
    internal static Func<string, IPlugsmmClient> Wrap(Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, TimeProvider time)
    {
        if (options.RequestsPerMinute is not { } perMinute)
        {
            return clients;
        }

        var pacers = new ConcurrentDictionary<string, RequestPacer>(StringComparer.Ordinal);
        return name => new PacedPlugsmmClient(clients(name), pacers.GetOrAdd(name, _ => new RequestPacer(perMinute, time)), options.LeaseDuration / 2);
    }

    public Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetServicesAsync(cancellationToken), cancellationToken);

    public Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.AddOrderAsync(order, cancellationToken), cancellationToken, "add");

    public Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetOrderStatusAsync(orderId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(orderIds, ids => inner.GetOrderStatusesAsync(ids, cancellationToken), cancellationToken);

    public Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.RefillOrderAsync(orderId, cancellationToken), cancellationToken, "refill");

    public Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(orderIds, ids => inner.RefillOrdersAsync(ids, cancellationToken), cancellationToken, "refill");

    public Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetRefillStatusAsync(refillId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(refillIds, ids => inner.GetRefillStatusesAsync(ids, cancellationToken), cancellationToken);

    public Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.CancelOrderAsync(orderId, cancellationToken), cancellationToken, "cancel");

    public Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(orderIds, ids => inner.CancelOrdersAsync(ids, cancellationToken), cancellationToken, "cancel");

    public Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetBalanceAsync(cancellationToken), cancellationToken);

    /// <summary>One request, in its turn; <paramref name="sideEffect"/> names the action of a call with a side effect (else null).</summary>
    private async Task<T> PacedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken, string? sideEffect = null)
    {
        try
        {
            await pacer.WaitTurnAsync(sideEffect is null ? null : longestSideEffectWait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException canceled) when (sideEffect is not null)
        {
            throw new PlugsmmException("The request was canceled while it waited for its turn (RequestsPerMinute): nothing was sent.", sideEffect, PlugsmmErrorKind.Transient, innerException: canceled)
            {
                Reason = CanceledBeforeSending,
            };
        }
        catch (TimeoutException tooFar) when (sideEffect is not null)
        {
            throw new PlugsmmException("The panel's next turn was further away than half the lease (RequestsPerMinute, Retry-After): nothing was sent.", sideEffect, PlugsmmErrorKind.Transient, innerException: tooFar)
            {
                Reason = TurnTooFar,
            };
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (PlugsmmException error) when (error is { Kind: PlugsmmErrorKind.RateLimited, RetryAfter: { } wait })
        {
            pacer.Hold(wait);
            throw;
        }
    }

    /// <summary>One paced request per 100 distinct ids (the inner client's own batching, made visible to the pacer).</summary>
    private async Task<IReadOnlyList<ItemResult<T>>> InBatchesAsync<T>(IEnumerable<long> ids, Func<IEnumerable<long>, Task<IReadOnlyList<ItemResult<T>>>> call, CancellationToken cancellationToken, string? sideEffect = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct().ToList();
        if (distinct.Count <= MaxIds)
        {
            return await PacedAsync(() => call(distinct), cancellationToken, sideEffect).ConfigureAwait(false);
        }

        var results = new List<ItemResult<T>>(distinct.Count);
        foreach (var batch in distinct.Chunk(MaxIds))
        {
            // Once a request has left, a cancellation is no longer "nothing sent": only the first may say so.
            results.AddRange(await PacedAsync(() => call(batch), cancellationToken, results.Count == 0 ? sideEffect : null).ConfigureAwait(false));
        }

        return results;
    }
}
