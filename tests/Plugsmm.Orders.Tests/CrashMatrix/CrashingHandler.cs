namespace Plugsmm.Orders.Tests;

/// <summary>The host's handler in the dying process: it dies while handling the first event after "accepted".</summary>
internal sealed class CrashingHandler(IOrderEventHandler inner, bool crash, ProcessCrash process) : IOrderEventHandler
{
    public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        process.ThrowIfDead();
        return crash && orderEvent.Kind != OrderEventKind.Accepted ? throw process.Die() : inner.HandleAsync(orderEvent, cancellationToken);
    }
}
