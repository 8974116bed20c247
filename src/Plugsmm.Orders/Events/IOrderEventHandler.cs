namespace Plugsmm.Orders;

/// <summary>
/// The host's receiver of order events (register one in the container). An event is marked delivered only after
/// <see cref="HandleAsync"/> returns; one that throws is delivered again later, so a handler must be idempotent by
/// <see cref="OrderEvent.DedupeKey"/>. Events of one order arrive in order.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It handles order events; not a delegate.")]
public interface IOrderEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="orderEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the event is handled for good.</returns>
    Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken);
}
