namespace Plugsmm.Client.Testing;

/// <summary>The simulated panel's scripted status progressions, in place of its delivery simulation.</summary>
public sealed partial class SimulatedPanel
{
    /// <summary>
    /// Scripts what <c>status</c> reports for an order from now on, in place of the delivery simulation: each step takes
    /// effect <see cref="SimulatedStatusStep.After"/> past the order's creation, until the next; before the first step
    /// the order is <c>Pending</c>. The script also decides what <c>cancel</c> and <c>refill</c> see: an order whose
    /// current word is final (<c>Completed</c>, <c>Partial</c>, <c>Canceled</c>, <c>Refunded</c>, <c>Fail</c>, …) cannot
    /// be canceled, one that is <c>Completed</c> or <c>Partial</c> can be refilled, and a step's error answers for the id
    /// in all three. Setting a script again replaces it.
    /// </summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="steps">The steps, in any order; at least one.</param>
    /// <exception cref="KeyNotFoundException">No such order.</exception>
    /// <exception cref="ArgumentException">No step, or a step with a negative <see cref="SimulatedStatusStep.After"/>, or without exactly one of <see cref="SimulatedStatusStep.Status"/> and <see cref="SimulatedStatusStep.Error"/>.</exception>
    public void ScriptStatus(long orderId, params SimulatedStatusStep[] steps)
    {
        var script = StatusScripts.Validate(steps);
        lock (_api.Gate)
        {
            var order = _api.Find(orderId) ?? throw new KeyNotFoundException($"No order {orderId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            order.Script = script;
        }
    }

    /// <summary>
    /// Scripts what <c>status</c> reports for the next order placed on <paramref name="link"/> (as PHP parses it), for
    /// a test that does not know the id before its code places the order. Scripts for the same link are used one per
    /// order, in the order given. Otherwise as <see cref="ScriptStatus"/>.
    /// </summary>
    /// <param name="link">The order's link, exactly.</param>
    /// <param name="steps">The steps, in any order; at least one.</param>
    /// <exception cref="ArgumentException">The link is empty, or the steps are not valid (see <see cref="ScriptStatus"/>).</exception>
    public void ScriptStatusForLink(string link, params SimulatedStatusStep[] steps)
    {
        ArgumentException.ThrowIfNullOrEmpty(link);
        var script = StatusScripts.Validate(steps);
        lock (_api.Gate)
        {
            _api.Scripts.AddForLink(link, script);
        }
    }
}
