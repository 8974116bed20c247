using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>The simulated panel's client whose <c>refill</c> requests the panel refuses whole (<c>Refill is disabled for this service</c>).</summary>
internal sealed class RefusingRefillClient(IPlugsmmClient inner) : IPlugsmmClient
{
    public int RefillRequests { get; private set; }

    public PlugsmmCircuitState CircuitState => inner.CircuitState;

    public Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default)
    {
        RefillRequests++;
        throw new PlugsmmException("Refill is disabled for this service", "refill", PlugsmmErrorKind.Permanent, panelError: "Refill is disabled for this service") { Reason = "refill_disabled" };
    }

    public Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => inner.GetOrderStatusesAsync(orderIds, cancellationToken);

    public Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) => inner.AddOrderAsync(order, cancellationToken);

    public Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default) => inner.GetServicesAsync(cancellationToken);

    public Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default) => inner.GetOrderStatusAsync(orderId, cancellationToken);

    public Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default) => inner.RefillOrderAsync(orderId, cancellationToken);

    public Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default) => inner.GetRefillStatusAsync(refillId, cancellationToken);

    public Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) => inner.GetRefillStatusesAsync(refillIds, cancellationToken);

    public Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => inner.CancelOrdersAsync(orderIds, cancellationToken);

    public Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) => inner.CancelOrderAsync(orderId, cancellationToken);

    public Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) => inner.GetBalanceAsync(cancellationToken);
}
