using Microsoft.Data.Sqlite;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>Balance checks: the panel's last balance, low-balance alerts once per crossing, funds-waiting orders woken by a top-up.</summary>
public sealed partial class SqliteOrderStore
{
    /// <inheritdoc/>
    public async Task<BalanceCheck> RecordBalanceAsync(string panel, Balance balance, decimal? lowThreshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(balance);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction();
        var now = Now();
        decimal? previous = null;
        var wasLow = false;
        long alerts = 0;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT balance, low, alerts FROM panel_balances WHERE panel = $panel;";
            read.Add("$panel", panel);
            using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                previous = SqliteRows.Money(reader.GetString(0));
                wasLow = reader.GetInt64(1) != 0;
                alerts = reader.GetInt64(2);
            }
        }

        var low = lowThreshold is { } threshold && balance.Amount < threshold;
        var alerted = low && !wasLow;
        var restored = !low && wasLow;
        if (alerted)
        {
            alerts++;
        }

        if (alerted || restored)
        {
            await InsertPanelEventAsync(connection, panel, alerted ? OrderEventKind.LowBalance : OrderEventKind.BalanceRestored, alerts, balance.Amount, now, cancellationToken).ConfigureAwait(false);
        }

        using (var write = connection.CreateCommand())
        {
            write.CommandText = """
                INSERT INTO panel_balances (panel, balance, currency, low, alerts, checked_at) VALUES ($panel, $balance, $currency, $low, $alerts, $now)
                ON CONFLICT (panel) DO UPDATE SET balance = $balance, currency = $currency, low = $low, alerts = $alerts, checked_at = $now;
                """;
            write.Add("$panel", panel);
            write.Add("$balance", SqliteRows.Money(balance.Amount));
            write.Add("$currency", balance.Currency);
            write.Add("$low", low);
            write.Add("$alerts", alerts);
            write.Add("$now", now);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var woken = previous is { } before && balance.Amount > before ? await WakeFundsWaitingAsync(connection, panel, now, cancellationToken).ConfigureAwait(false) : 0;
        transaction.Commit();
        return new BalanceCheck { Panel = panel, Balance = balance.Amount, PreviousBalance = previous, Low = low, Alerted = alerted, Restored = restored, OrdersWoken = woken };
    }

    private static async Task<int> WakeFundsWaitingAsync(SqliteConnection connection, string panel, long now, CancellationToken cancellationToken)
    {
        using var wake = connection.CreateCommand();
        wake.CommandText = "UPDATE orders SET next_poll_at = $now WHERE panel = $panel AND state = $waiting AND reason = $reason AND next_poll_at > $now;";
        wake.Add("$now", now);
        wake.Add("$panel", panel);
        wake.Add("$waiting", (int)LocalOrderState.Waiting);
        wake.Add("$reason", PlugsmmErrorReasons.InsufficientFunds);
        return await wake.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertPanelEventAsync(SqliteConnection connection, string panel, OrderEventKind kind, long n, decimal balance, long now, CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO events (dedupe_key, order_id, kind, state, panel, balance, occurred_at, next_attempt_at)
            VALUES ($key, NULL, $kind, 0, $panel, $balance, $now, $now);
            """;
        insert.Add("$key", EventKeys.ForPanel(panel, kind, n));
        insert.Add("$kind", (int)kind);
        insert.Add("$panel", panel);
        insert.Add("$balance", SqliteRows.Money(balance));
        insert.Add("$now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
