using System.Collections.Concurrent;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// A panel's client whose every request waits its turn at the panel's <see cref="RequestPacer"/>
/// (<see cref="PlugsmmOrdersOptions.RequestsPerMinute"/>): a call over more than 100 ids is sent as requests of 100,
/// each paced. A 429 with <c>Retry-After</c> holds the panel's next request until then. Retries made inside the client
/// itself (its resilience options) are not paced: with pacing the panel should not refuse for its rate.
/// </summary>
internal sealed class PacedPlugsmmClient(IPlugsmmClient inner, RequestPacer pacer) : IPlugsmmClient
{
    /// <summary>The most ids one request carries.</summary>
    private const int MaxIds = 100;

    public PlugsmmCircuitState CircuitState => inner.CircuitState;

    /// <summary>The engine's clients, paced per panel name when <see cref="PlugsmmOrdersOptions.RequestsPerMinute"/> is set (else unchanged).</summary>
    internal static Func<string, IPlugsmmClient> Wrap(Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, TimeProvider time)
    {
        if (options.RequestsPerMinute is not { } perMinute)
        {
            return clients;
        }

        var pacers = new ConcurrentDictionary<string, RequestPacer>(StringComparer.Ordinal);
        return name => new PacedPlugsmmClient(clients(name), pacers.GetOrAdd(name, _ => new RequestPacer(perMinute, time)));
    }

    public Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetServicesAsync(cancellationToken), cancellationToken);

    public Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.AddOrderAsync(order, cancellationToken), cancellationToken);

    public Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetOrderStatusAsync(orderId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(orderIds, ids => inner.GetOrderStatusesAsync(ids, cancellationToken), cancellationToken);

    public Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.RefillOrderAsync(orderId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(orderIds, ids => inner.RefillOrdersAsync(ids, cancellationToken), cancellationToken);

    public Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetRefillStatusAsync(refillId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(refillIds, ids => inner.GetRefillStatusesAsync(ids, cancellationToken), cancellationToken);

    public Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.CancelOrderAsync(orderId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) =>
        InBatchesAsync(orderIds, ids => inner.CancelOrdersAsync(ids, cancellationToken), cancellationToken);

    public Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) =>
        PacedAsync(() => inner.GetBalanceAsync(cancellationToken), cancellationToken);

    private async Task<T> PacedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
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
    private async Task<IReadOnlyList<ItemResult<T>>> InBatchesAsync<T>(IEnumerable<long> ids, Func<IEnumerable<long>, Task<IReadOnlyList<ItemResult<T>>>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct().ToList();
        if (distinct.Count <= MaxIds)
        {
            return await PacedAsync(() => call(distinct), cancellationToken).ConfigureAwait(false);
        }

        var results = new List<ItemResult<T>>(distinct.Count);
        foreach (var batch in distinct.Chunk(MaxIds))
        {
            results.AddRange(await PacedAsync(() => call(batch), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
