using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>The simulated panel's client whose <c>refill</c> requests the panel refuses whole (<c>Refill is disabled for this service</c>).</summary>
internal sealed class RefusingRefillClient(IPlugsmmClient inner) : ForwardingClient(inner)
{
    public int RefillRequests { get; private set; }

    public override Task<IReadOnlyList<ItemResult<long>>> RefillOrdersAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default)
    {
        RefillRequests++;
        throw new PlugsmmException("Refill is disabled for this service", "refill", PlugsmmErrorKind.Permanent, panelError: "Refill is disabled for this service") { Reason = "refill_disabled" };
    }
}
