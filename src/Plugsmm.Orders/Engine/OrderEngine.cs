using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// The order engine: accepts orders from the front end, places each at most once through the panel's client, keeps
/// orders whose <c>add</c> may have reached the panel in a resolution queue for an operator, tracks placed orders to
/// their final state (refunds computed from what the panel reports), and delivers every
/// transition's event to the host's <see cref="IOrderEventHandler"/>. Registered by <c>AddPlugsmmOrders</c>; its
/// background service runs the steps.
/// </summary>
public sealed class OrderEngine
{
    private readonly IOrderStore _store;
    private readonly PlugsmmOrdersOptions _options;
    private readonly ILogger _logger;
    private readonly HashSet<string> _panels;
    private readonly Placement _placement;
    private readonly EventDelivery _delivery;
    private readonly Tracking _tracking;
    private readonly Cancellation _cancellation;
    private readonly Refilling _refilling;
    private readonly RefillFlags _refillFlags;
    private readonly BalanceWatch _balances;
    private readonly OrdersMetrics _metrics;

    internal OrderEngine(IOrderStore store, Func<string, IPlugsmmClient> clients, IOrderEventHandler handler, PlugsmmOrdersOptions options, ILogger logger, TimeProvider? time = null, IMeterFactory? meterFactory = null)
    {
        _metrics = new OrdersMetrics(meterFactory, options.Panels.Count == 0 ? [string.Empty] : options.Panels, time ?? TimeProvider.System, logger);
        store = new ObservedOrderStore(store, _metrics);
        clients = PacedPlugsmmClient.Wrap(clients, options, time ?? TimeProvider.System);
        _store = store;
        _options = options;
        _logger = logger;
        _panels = new HashSet<string>(options.Panels.Count == 0 ? [string.Empty] : options.Panels, StringComparer.Ordinal);
        Owner = options.Owner ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
        _placement = new Placement(store, clients, options, logger);
        _delivery = new EventDelivery(store, handler, options, logger);
        _tracking = new Tracking(store, clients, options, logger);
        _cancellation = new Cancellation(store, clients, options, logger);
        _refilling = new Refilling(store, clients, options, logger);
        _refillFlags = new RefillFlags(clients, time ?? TimeProvider.System);
        _balances = new BalanceWatch(store, clients, options, logger, time ?? TimeProvider.System);
    }

    /// <summary>This engine's name in leases.</summary>
    internal string Owner { get; }

    /// <summary>
    /// Accepts an order: stored (with its <see cref="OrderEventKind.Accepted"/> event) before this returns, placed by a
    /// later step. Accepting the same idempotency key again returns the order accepted first.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored order.</returns>
    /// <exception cref="ArgumentException">The order is incomplete, its link holds a lone surrogate, or it names a panel not configured: the message names the field.</exception>
    /// <exception cref="IdempotencyConflictException">The key was accepted before with a different order.</exception>
    public Task<LocalOrder> AcceptAsync(NewOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (NewOrderRules.Problem(order, _panels) is { } problem)
        {
            throw new ArgumentException(problem, nameof(order));
        }

        return _store.AcceptAsync(order, cancellationToken);
    }

    /// <summary>An order by its idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, or null.</returns>
    public Task<LocalOrder?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        _store.FindAsync(idempotencyKey, cancellationToken);

    /// <summary>The resolution queue: orders whose <c>add</c> may have reached the panel, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders to resolve.</returns>
    public Task<IReadOnlyList<LocalOrder>> ListUnresolvedAsync(CancellationToken cancellationToken = default) =>
        _store.ListUnresolvedAsync(cancellationToken);

    /// <summary>Resolves an unknown order as placed: the operator found it on the panel.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="providerOrderId">The panel's id of it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, placed.</returns>
    /// <exception cref="InvalidOperationException">The order is not in the resolution queue, or the panel's id is recorded for another order.</exception>
    public async Task<LocalOrder> ResolveAsPlacedAsync(long orderId, long providerOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(providerOrderId);
        var order = await _store.ResolveAsync(orderId, providerOrderId, cancellationToken).ConfigureAwait(false);
        OrdersLog.Resolved(_logger, orderId, true, providerOrderId);
        return order;
    }

    /// <summary>Resolves an unknown order as not placed: the operator made sure the panel has no such order. It is placed again.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, accepted again.</returns>
    /// <exception cref="InvalidOperationException">The order is not in the resolution queue.</exception>
    public async Task<LocalOrder> ResolveAsNotPlacedAsync(long orderId, CancellationToken cancellationToken = default)
    {
        var order = await _store.ResolveAsync(orderId, null, cancellationToken).ConfigureAwait(false);
        OrdersLog.Resolved(_logger, orderId, false, null);
        return order;
    }

    /// <summary>
    /// Requests the cancel of a placed order the panel has not finished: recorded (with its
    /// <see cref="OrderEventKind.CancelRequested"/> event) before this returns, sent by a later step. Nothing is
    /// refunded until the panel reports the order canceled. Requesting again while a cancel is pending, accepted or
    /// unknown changes nothing; a refused cancel may be requested again.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, its <see cref="LocalOrder.Cancel"/> set.</returns>
    /// <exception cref="InvalidOperationException">No such order, or it is not placed or already final.</exception>
    public Task<LocalOrder> RequestCancelAsync(long orderId, CancellationToken cancellationToken = default) =>
        _store.RequestCancelAsync(orderId, cancellationToken);

    /// <summary>
    /// Requests a refill of a completed order: checks the service's refill flag in the panel's <c>services</c> (read
    /// once an hour per panel), then records the request (with its <see cref="OrderEventKind.RefillRequested"/> event)
    /// before this returns; a later step sends it and tracks its status to its end. Requesting again while a refill is
    /// requested or pending changes nothing.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order, its <see cref="LocalOrder.Refill"/> set.</returns>
    /// <exception cref="InvalidOperationException">No such order, it is not completed, or its service has refill disabled; nothing is sent.</exception>
    /// <exception cref="PlugsmmException">The panel's <c>services</c> could not be read; nothing is recorded.</exception>
    public async Task<LocalOrder> RequestRefillAsync(long orderId, CancellationToken cancellationToken = default)
    {
        var order = await _store.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"No order {orderId}.");
        if (order.State != LocalOrderState.Completed)
        {
            throw new InvalidOperationException($"Order {orderId} is {order.State}: only a completed order can be refilled.");
        }

        if (order.Refill is not (RefillRequestState.Requested or RefillRequestState.Sending or RefillRequestState.Pending)
            && await _refillFlags.RefillAsync(order.Panel, order.ServiceId, cancellationToken).ConfigureAwait(false) == false)
        {
            throw new InvalidOperationException($"Order {orderId} cannot be refilled: the panel says service {order.ServiceId} has no refill.");
        }

        return await _store.RequestRefillAsync(orderId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One step: claims due orders and places (or recovers) each, polls each panel's due tracked orders (up to 100), then delivers pending events.</summary>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>How many orders and events the step handled (0: nothing to do).</returns>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var leases = await _store.ClaimDueAsync(Owner, _options.BatchSize, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        await PlaceAllAsync(leases, cancellationToken).ConfigureAwait(false);

        var tracked = 0;
        foreach (var panel in _panels)
        {
            await _balances.CheckAsync(panel, cancellationToken).ConfigureAwait(false);
            tracked += await _cancellation.CancelAsync(Owner, panel, cancellationToken).ConfigureAwait(false);
            tracked += await _refilling.RefillAsync(Owner, panel, cancellationToken).ConfigureAwait(false);
            tracked += await _tracking.TrackAsync(Owner, panel, cancellationToken).ConfigureAwait(false);
        }

        var delivered = await _delivery.DeliverAsync(cancellationToken).ConfigureAwait(false);
        await _metrics.RefreshAsync(_store, cancellationToken).ConfigureAwait(false);
        return leases.Count + tracked + delivered;
    }

    /// <summary>
    /// Places a claimed batch (at most one order per link), up to <see cref="PlugsmmOrdersOptions.MaxConcurrentPlacements"/>
    /// at once. Every placement runs to its end even when another fails: a failure never cancels an <c>add</c> in flight.
    /// </summary>
    private async Task PlaceAllAsync(IReadOnlyList<OrderLease> leases, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_options.MaxConcurrentPlacements);
        await Task.WhenAll(leases.Select(PlaceOneAsync)).ConfigureAwait(false);

        async Task PlaceOneAsync(OrderLease lease)
        {
            // Cancelled while waiting for a slot: nothing was sent; the lease runs out and the order is claimed again.
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var observed = PlacementScope.Begin(_metrics, _logger, lease.Order);
                await _placement.PlaceAsync(lease, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
