using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>A panel client that forwards every call to another: test doubles override the calls they change.</summary>
internal abstract class ForwardingClient(IPlugsmmClient inner) : IPlugsmmClient
{
    protected IPlugsmmClient Inner => inner;

    public PlugsmmCircuitState CircuitState => inner.CircuitState;

    public virtual Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default) => inner.AddOrderAsync(order, cancellationToken);

    public virtual Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default) => inner.GetServicesAsync(cancellationToken);

    public virtual Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default) => inner.GetOrderStatusAsync(orderId, cancellationToken);

    public virtual Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => inner.GetOrderStatusesAsync(orderIds, cancellationToken);

    public virtual Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default) => inner.RefillOrderAsync(orderId, cancellationToken);

    public virtual Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => inner.RefillOrdersAsync(orderIds, cancellationToken);

    public virtual Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default) => inner.GetRefillStatusAsync(refillId, cancellationToken);

    public virtual Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) => inner.GetRefillStatusesAsync(refillIds, cancellationToken);

    public virtual Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) => inner.CancelOrderAsync(orderId, cancellationToken);

    public virtual Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => inner.CancelOrdersAsync(orderIds, cancellationToken);

    public virtual Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) => inner.GetBalanceAsync(cancellationToken);
}
