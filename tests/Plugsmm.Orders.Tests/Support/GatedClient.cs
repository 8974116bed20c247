using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>A client whose <c>add</c> waits until the test opens the gate, then answers with the given id: a slow panel.</summary>
internal sealed class GatedClient : IPlugsmmClient
{
    private readonly TaskCompletionSource<long> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Adds { get; private set; }

    public PlugsmmCircuitState CircuitState => PlugsmmCircuitState.Closed;

    public void Answer(long orderId) => _answer.SetResult(orderId);

    public async Task<long> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default)
    {
        Adds++;
        Entered.TrySetResult();
        return await _answer.Task.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Service>> GetServicesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<OrderStatus> GetOrderStatusAsync(long orderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> RefillOrderAsync(long orderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<RefillStatus> GetRefillStatusAsync(long refillId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ItemResult<RefillStatus>>> GetRefillStatusesAsync(IEnumerable<long> refillIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ItemResult<bool>>> CancelOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Balance> GetBalanceAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
