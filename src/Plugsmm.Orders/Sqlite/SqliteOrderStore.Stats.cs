namespace Plugsmm.Orders;

/// <summary>Statistics for the engine's metrics: one grouped read of the orders not final.</summary>
public sealed partial class SqliteOrderStore
{
    /// <summary>
    /// Counts by panel and state over the states not final (0 to 4), with the oldest change (the resolution queue's
    /// age) and the earliest next poll of tracked orders (tracking lag; a tracked order without one is due since its
    /// last change). Only orders not final are read: the query's cost follows the work in flight, not the history.
    /// </summary>
    private const string StatisticsQuery = """
        SELECT panel, state, COUNT(*), MIN(updated_at),
               MIN(CASE WHEN provider_order_id IS NOT NULL THEN COALESCE(next_poll_at, updated_at) END)
          FROM orders
         WHERE state IN (0, 1, 2, 3, 4)
         GROUP BY panel, state
         ORDER BY panel, state;
        """;

    /// <inheritdoc/>
    public async Task<OrderStoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = StatisticsQuery;
        var panels = new List<OrderPanelStatistics>();
        Dictionary<LocalOrderState, long>? active = null;
        string? panel = null;
        DateTimeOffset? oldestUnresolved = null, earliestDue = null;
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rowPanel = reader.GetString(0);
                if (!string.Equals(rowPanel, panel, StringComparison.Ordinal))
                {
                    Add();
                    (panel, active, oldestUnresolved, earliestDue) = (rowPanel, [], null, null);
                }

                var state = (LocalOrderState)reader.GetInt32(1);
                active![state] = reader.GetInt64(2);
                if (state == LocalOrderState.Unknown)
                {
                    oldestUnresolved = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
                }
                else if (state == LocalOrderState.Placed && !reader.IsDBNull(4))
                {
                    earliestDue = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4));
                }
            }
        }

        Add();
        return new OrderStoreStatistics { Panels = panels };

        void Add()
        {
            if (panel is not null)
            {
                panels.Add(new OrderPanelStatistics { Panel = panel, Active = active!, OldestUnresolvedAt = oldestUnresolved, EarliestTrackingDueAt = earliestDue });
            }
        }
    }
}
