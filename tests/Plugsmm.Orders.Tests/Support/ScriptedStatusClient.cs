using Plugsmm.Client;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// The simulated panel's client with scripted status answers: chosen ids answer what the test says (a status word the
/// SDK does not know, an id's own error), a whole request can fail, and every status request's ids are counted.
/// </summary>
internal sealed class ScriptedStatusClient(IPlugsmmClient inner) : ForwardingClient(inner)
{
    private readonly List<IReadOnlyList<long>> _requests = [];

    /// <summary>Answers by panel order id, instead of the panel's.</summary>
    public Dictionary<long, Func<long, ItemResult<OrderStatus>>> Answers { get; } = [];

    /// <summary>The next status requests that fail as a whole.</summary>
    public int FailNextRequests { get; set; }

    /// <summary>The ids of every status request, in order.</summary>
    public IReadOnlyList<IReadOnlyList<long>> StatusRequests => _requests;

    public static ItemResult<OrderStatus> Word(long id, string word, OrderState state = OrderState.Unknown, long? remains = null) =>
        ItemResult.Success(id, new OrderStatus { State = state, StatusText = word, Remains = remains, Charge = 0.9m, Currency = "USD" });

    public static ItemResult<OrderStatus> IncorrectOrderId(long id) =>
        ItemResult.Failure<OrderStatus>(id, new PlugsmmException("Incorrect order ID", "status", PlugsmmErrorKind.Permanent, panelError: "Incorrect order ID") { Reason = PlugsmmErrorReasons.InvalidOrder });

    public override async Task<IReadOnlyList<ItemResult<OrderStatus>>> GetOrderStatusesAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default)
    {
        var ids = orderIds.Distinct().ToList();
        _requests.Add(ids);
        if (FailNextRequests > 0)
        {
            FailNextRequests--;
            throw new PlugsmmException("The panel is down (test).", "status", PlugsmmErrorKind.Transient) { Reason = "http_503" };
        }

        var asked = ids.Where(id => !Answers.ContainsKey(id)).ToList();
        var real = asked.Count == 0 ? [] : (await Inner.GetOrderStatusesAsync(asked, cancellationToken)).ToDictionary(r => r.Id);
        return [.. ids.Select(id => Answers.TryGetValue(id, out var answer) ? answer(id) : real[id])];
    }
}
