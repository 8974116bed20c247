using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// The observation of placing one order, around <c>Placement.PlaceAsync</c>: its span (<c>plugsmm.orders.place</c>,
/// under which the client's <c>plugsmm add</c> span starts), a log scope with the order id and panel (the client's lines
/// inside carry it), the client's correlation id <c>order-{id}</c> unless the caller set one, and the placement's
/// outcome and duration, which <see cref="ObservedOrderStore"/> reports as the transitions are written.
/// </summary>
internal sealed class PlacementScope : IDisposable
{
    private static readonly AsyncLocal<PlacementScope?> CurrentScope = new();

    private readonly OrdersMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly LocalOrder _order;
    private readonly PlacementScope? _previous;
    private readonly Activity? _activity;
    private readonly IDisposable? _logScope;
    private readonly IDisposable? _correlation;
    private readonly long _started;
    private bool _sending;
    private LocalOrderState? _outcome;

    private PlacementScope(OrdersMetrics metrics, ILogger logger, LocalOrder order)
    {
        _metrics = metrics;
        _time = metrics.Time;
        _order = order;
        _started = _time.GetTimestamp();
        _activity = OrdersTracing.StartPlace(order);
        _logScope = logger.BeginScope(new OrderLogScope(order.Id, order.Panel));
        _correlation = PlugsmmCorrelation.Current is null ? PlugsmmCorrelation.Begin(string.Create(CultureInfo.InvariantCulture, $"order-{order.Id}")) : null;
        _previous = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    /// <summary>The placement under way in this flow, if any.</summary>
    internal static PlacementScope? Current => CurrentScope.Value;

    internal static PlacementScope Begin(OrdersMetrics metrics, ILogger logger, LocalOrder order) => new(metrics, logger, order);

    /// <summary>"placing" is written: <c>add</c> leaves now.</summary>
    internal void Sending() => _sending = true;

    /// <summary>The outcome is written.</summary>
    internal void Outcome(LocalOrderState state, string? reason, long? providerOrderId)
    {
        _outcome = state;
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(OrdersTags.State, OrdersTags.StateValue(state));
        _activity.SetTag(OrdersTags.Reason, reason);
        _activity.SetTag(OrdersTags.ProviderOrderId, providerOrderId);
        if (state is LocalOrderState.Failed or LocalOrderState.Unknown)
        {
            _activity.SetStatus(ActivityStatusCode.Error, reason);
        }
    }

    public void Dispose()
    {
        if (_sending && _outcome is { } state)
        {
            _metrics.PlacementDuration(_order.Panel, state, _time.GetElapsedTime(_started).TotalSeconds);
        }
        else if (_sending)
        {
            // add left but no outcome was written (the lease was lost, the store failed): log lines 3005/3009 say what to do.
            _activity?.SetStatus(ActivityStatusCode.Error, "outcome_not_recorded");
        }

        CurrentScope.Value = _previous;
        _correlation?.Dispose();
        _logScope?.Dispose();
        _activity?.Dispose();
    }

    /// <summary>The log scope's state: the order id and panel as structured values, <c>order_id=… panel=…</c> as text.</summary>
    private sealed class OrderLogScope(long orderId, string panel) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("OrderId", orderId),
            1 => new("Panel", panel),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"order_id={orderId} panel={panel}");
    }
}
