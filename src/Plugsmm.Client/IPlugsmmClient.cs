namespace Plugsmm.Client;

/// <summary>
/// A client for one SMM panel speaking API v2 (Plugsmmservice by default). Every call is one or more POSTs
/// to the panel; a failure surfaces as <see cref="PlugsmmException"/>, or <see cref="OperationCanceledException"/>
/// when the caller cancelled. Bad input throws <see cref="ArgumentException"/> before any request.
/// </summary>
public interface IPlugsmmClient
{
    /// <summary>The state of the circuit breaker in front of this panel (Closed while calls flow).</summary>
    PlugsmmCircuitState CircuitState { get; }

    /// <summary>The panel's catalogue (<c>services</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every service, in the panel's order.</returns>
    Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default);

    /// <summary>Places an order (<c>add</c>).</summary>
    /// <param name="order">The order: the request class of the service's type.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new order's id.</returns>
    Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default);

    /// <summary>The status of one order (<c>status</c>).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order's status.</returns>
    Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>The statuses of any number of orders (<c>status</c> with <c>orders</c>), asked 100 at a time.</summary>
    /// <param name="orderIds">The order ids; repeated ids are asked once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One item per distinct id, in the order given: the status, or that order's own error.</returns>
    Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default);

    /// <summary>Asks for a refill of one order (<c>refill</c>).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The refill's id.</returns>
    Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Asks for refills of any number of orders (<c>refill</c> with <c>orders</c>), 100 at a time.</summary>
    /// <param name="orderIds">The order ids; repeated ids are sent once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One item per distinct id, in the order given: the refill id, or that order's own error.</returns>
    Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default);

    /// <summary>The status of one refill (<c>refill_status</c>).</summary>
    /// <param name="refillId">The refill id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The refill's status.</returns>
    Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default);

    /// <summary>The statuses of any number of refills (<c>refill_status</c> with <c>refills</c>), 100 at a time.</summary>
    /// <param name="refillIds">The refill ids; repeated ids are asked once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One item per distinct id, in the order given: the status, or that refill's own error.</returns>
    Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default);

    /// <summary>Asks to cancel one order (<c>cancel</c> with that one id in <c>orders</c>: the panels have no single-order form).</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the panel accepted the cancel, <see langword="false"/> when it declined it.</returns>
    /// <exception cref="PlugsmmException">The call failed, or the panel refused this order's cancel (its error for the id, classified).</exception>
    Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Asks to cancel any number of orders (<c>cancel</c> with <c>orders</c>), 100 at a time.</summary>
    /// <param name="orderIds">The order ids; repeated ids are sent once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One item per distinct id, in the order given: <see langword="true"/> when the panel accepted, or that order's own error.</returns>
    Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default);

    /// <summary>The account's balance (<c>balance</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The amount and currency.</returns>
    Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default);
}
