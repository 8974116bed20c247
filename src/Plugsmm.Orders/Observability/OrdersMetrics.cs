using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Plugsmm.Orders;

/// <summary>
/// The meter <c>Plugsmm.Orders</c> of one engine, OpenTelemetry-style: durations and ages in seconds, low-cardinality
/// tags only (<c>plugsmm.panel</c>, <c>plugsmm.order.state</c>, <c>plugsmm.reason</c>, <c>plugsmm.refund.kind</c>; never a
/// link, key or order id). The observable instruments read a snapshot of <see cref="IOrderStore.GetStatisticsAsync"/>
/// that the engine's loop refreshes (<see cref="RefreshAsync"/>); their callbacks never touch the store.
/// </summary>
internal sealed class OrdersMetrics
{
    /// <summary>The least time between two reads of the store's statistics, on the engine's clock.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    /// <summary>Bucket boundaries advised for <c>plugsmm.orders.placement.duration</c>, in seconds: the client's call buckets.</summary>
    internal static readonly IReadOnlyList<double> DurationBoundaries =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120];

    private static readonly LocalOrderState[] ActiveStates =
        [LocalOrderState.Accepted, LocalOrderState.Waiting, LocalOrderState.Placing, LocalOrderState.Placed, LocalOrderState.Unknown];

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string[] _panels;
    private readonly Counter<long> _placements;
    private readonly Histogram<double> _placementDuration;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _refunds;
    private readonly Counter<double> _refundAmount;
    private readonly Instrument[] _observable;
    private volatile OrderStoreStatistics? _snapshot;
    private long? _refreshedAt;
    private bool _unsupported;

    internal OrdersMetrics(IMeterFactory? meterFactory, IEnumerable<string> panels, TimeProvider time, ILogger logger)
    {
        var options = new MeterOptions(PlugsmmOrdersTelemetry.MeterName) { Version = PlugsmmOrdersTelemetry.Version };
        Meter = meterFactory?.Create(options) ?? new Meter(options);
        _time = time;
        _logger = logger;
        _panels = [.. panels];
        _placements = Meter.CreateCounter<long>("plugsmm.orders.placements", "{order}", "Placement outcomes written, by plugsmm.order.state (placed, waiting, failed, unknown) and plugsmm.reason.");
        _placementDuration = Meter.CreateHistogram<double>(
            "plugsmm.orders.placement.duration",
            "s",
            "Duration of placing one order: from its claim to its outcome written, the add call included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBoundaries });
        _finished = Meter.CreateCounter<long>("plugsmm.orders.finished", "{order}", "Orders that reached a final state, by plugsmm.order.state (completed, partial, canceled, failed).");
        _refunds = Meter.CreateCounter<long>("plugsmm.orders.refunds", "{refund}", "Refunds written, by plugsmm.refund.kind (partial, canceled, failed).");
        _refundAmount = Meter.CreateCounter<double>("plugsmm.orders.refund.amount", "{currency}", "The amount refunded, in the host's currency, by plugsmm.refund.kind.");
        _observable =
        [
            Meter.CreateObservableUpDownCounter("plugsmm.orders.active", ObserveActive, "{order}", "Orders not final, by plugsmm.order.state (accepted, waiting, placing, placed, unknown)."),
            Meter.CreateObservableUpDownCounter("plugsmm.orders.resolution_queue.size", ObserveQueueSize, "{order}", "Orders in the resolution queue (outcome unknown, waiting for an operator)."),
            Meter.CreateObservableGauge("plugsmm.orders.resolution_queue.oldest_age", ObserveQueueAge, "s", "How long the oldest order of the resolution queue has waited (0 when empty)."),
            Meter.CreateObservableGauge("plugsmm.orders.tracking.lag", ObserveTrackingLag, "s", "How far past its poll's due time the most overdue tracked order is (0 when none is overdue)."),
        ];
    }

    /// <summary>The meter: the host's (from its <see cref="IMeterFactory"/>) or the engine's own.</summary>
    internal Meter Meter { get; }

    /// <summary>The engine's clock.</summary>
    internal TimeProvider Time => _time;

    /// <summary>The last statistics read, or null before the first.</summary>
    internal OrderStoreStatistics? Snapshot => _snapshot;

    internal void Placement(string panel, LocalOrderState state, string? reason)
    {
        var tags = new TagList { { OrdersTags.Panel, OrdersTags.PanelValue(panel) }, { OrdersTags.State, OrdersTags.StateValue(state) } };
        if (reason is not null && state != LocalOrderState.Placed)
        {
            tags.Add(OrdersTags.Reason, reason);
        }

        _placements.Add(1, tags);
    }

    internal void PlacementDuration(string panel, LocalOrderState state, double seconds) =>
        _placementDuration.Record(seconds, new TagList { { OrdersTags.Panel, OrdersTags.PanelValue(panel) }, { OrdersTags.State, OrdersTags.StateValue(state) } });

    /// <summary>A written transition or status record: counts the order finished, and its refund, if any.</summary>
    internal void Written(string panel, LocalOrderState state, decimal refund)
    {
        if (OrdersTags.IsFinal(state))
        {
            _finished.Add(1, new TagList { { OrdersTags.Panel, OrdersTags.PanelValue(panel) }, { OrdersTags.State, OrdersTags.StateValue(state) } });
        }

        if (refund > 0m)
        {
            var tags = new TagList { { OrdersTags.Panel, OrdersTags.PanelValue(panel) }, { OrdersTags.RefundKind, OrdersTags.StateValue(state) } };
            _refunds.Add(1, tags);
            _refundAmount.Add((double)refund, tags);
        }
    }

    /// <summary>
    /// Reads the store's statistics for the observable instruments: at most once per <see cref="RefreshInterval"/>,
    /// only while someone listens to them. A store without statistics is not asked again; a failed read is logged.
    /// </summary>
    internal async Task RefreshAsync(IOrderStore store, CancellationToken cancellationToken)
    {
        if (_unsupported || !_observable.Any(i => i.Enabled))
        {
            return;
        }

        var now = _time.GetTimestamp();
        if (_refreshedAt is { } last && _time.GetElapsedTime(last, now) < RefreshInterval)
        {
            return;
        }

        _refreshedAt = now;
        try
        {
            _snapshot = await store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            _unsupported = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed read only leaves the metrics as they were: the step's work is done.
        catch (Exception error)
#pragma warning restore CA1031
        {
            OrdersLog.StatisticsFailed(_logger, error, RefreshInterval.TotalSeconds);
        }
    }

    /// <summary>Every configured panel, and any other the store has orders for, with its statistics (empty when none).</summary>
    private IEnumerable<(string Panel, OrderPanelStatistics? Statistics)> Panels(OrderStoreStatistics snapshot)
    {
        var byPanel = snapshot.Panels.ToDictionary(p => p.Panel, StringComparer.Ordinal);
        return _panels.Union(byPanel.Keys, StringComparer.Ordinal).Select(p => (p, byPanel.GetValueOrDefault(p)));
    }

    private IEnumerable<Measurement<long>> ObserveActive()
    {
        if (_snapshot is not { } snapshot)
        {
            yield break;
        }

        foreach (var (panel, statistics) in Panels(snapshot))
        {
            foreach (var state in ActiveStates)
            {
                yield return new(
                    statistics?.Active.GetValueOrDefault(state) ?? 0,
                    new KeyValuePair<string, object?>(OrdersTags.Panel, OrdersTags.PanelValue(panel)),
                    new KeyValuePair<string, object?>(OrdersTags.State, OrdersTags.StateValue(state)));
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveQueueSize() =>
        _snapshot is { } snapshot
            ? Panels(snapshot).Select(p => new Measurement<long>(p.Statistics?.Unresolved ?? 0, new KeyValuePair<string, object?>(OrdersTags.Panel, OrdersTags.PanelValue(p.Panel))))
            : [];

    private IEnumerable<Measurement<double>> ObserveQueueAge() => Ages(p => p?.OldestUnresolvedAt);

    private IEnumerable<Measurement<double>> ObserveTrackingLag() => Ages(p => p?.EarliestTrackingDueAt);

    /// <summary>Seconds from a time of each panel's statistics to now, on the engine's clock (so they grow while the engine does not run); 0 when there is none or it is ahead.</summary>
    private IEnumerable<Measurement<double>> Ages(Func<OrderPanelStatistics?, DateTimeOffset?> since)
    {
        if (_snapshot is not { } snapshot)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        return Panels(snapshot).Select(p => new Measurement<double>(
            since(p.Statistics) is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0,
            new KeyValuePair<string, object?>(OrdersTags.Panel, OrdersTags.PanelValue(p.Panel))));
    }
}
