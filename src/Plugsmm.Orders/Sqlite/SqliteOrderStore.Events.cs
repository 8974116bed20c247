namespace Plugsmm.Orders;

/// <summary>The outbox's reading side: pending events, acknowledgements, deferred deliveries.</summary>
public sealed partial class SqliteOrderStore
{
    private const string PendingQuery = "SELECT " + SqliteRows.EventColumns + """
         FROM events e LEFT JOIN orders o ON o.id = e.order_id
        WHERE e.delivered_at IS NULL AND e.next_attempt_at <= $now
          AND NOT EXISTS (SELECT 1 FROM events p
                           WHERE p.delivered_at IS NULL AND p.seq < e.seq
                             AND (p.order_id = e.order_id OR (e.order_id IS NULL AND p.order_id IS NULL AND p.panel = e.panel)))
        ORDER BY e.seq
        LIMIT $limit;
        """;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OrderEvent>> ReadPendingEventsAsync(int maxEvents, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = PendingQuery;
        command.Add("$now", Now());
        command.Add("$limit", maxEvents);
        var events = new List<OrderEvent>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(SqliteRows.ReadEvent(reader));
        }

        return events;
    }

    /// <inheritdoc/>
    public async Task AckEventAsync(long sequence, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET delivered_at = $now WHERE seq = $seq AND delivered_at IS NULL;";
        command.Add("$now", Now());
        command.Add("$seq", sequence);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeferEventAsync(long sequence, TimeSpan retryIn, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET attempts = attempts + 1, next_attempt_at = $due WHERE seq = $seq AND delivered_at IS NULL;";
        command.Add("$due", Now() + (long)Math.Max(0, retryIn.TotalMilliseconds));
        command.Add("$seq", sequence);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
