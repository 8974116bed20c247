using Microsoft.Extensions.Logging;
using Plugsmm.Client;

namespace Plugsmm.Orders;

/// <summary>
/// Checks each panel's balance every <see cref="PlugsmmOrdersOptions.BalanceCheckInterval"/> (the first at the
/// engine's first step): the store raises the low-balance alert once per crossing and wakes the orders waiting for
/// funds when the balance rose.
/// </summary>
internal sealed class BalanceWatch(IOrderStore store, Func<string, IPlugsmmClient> clients, PlugsmmOrdersOptions options, ILogger logger, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private bool _storeLacksBalances;

    /// <summary>Checks the panel's balance when a check is due. Housekeeping: not counted as a step's work.</summary>
    internal async Task CheckAsync(string panel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        if (_storeLacksBalances || (_due.TryGetValue(panel, out var due) && now < due))
        {
            return;
        }

        _due[panel] = now + options.BalanceCheckInterval;
        Balance balance;
        try
        {
            balance = await clients(panel).GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed check (panel down, panel not configured) is logged and tried at the next interval.
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            OrdersLog.BalanceCheckFailed(logger, error, panel);
            return;
        }

        BalanceCheck check;
        try
        {
            check = await store.RecordBalanceAsync(panel, balance, options.LowBalanceThreshold, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // A store written before balance checks (the member's default body): the engine runs on without them.
            _storeLacksBalances = true;
            OrdersLog.StoreLacks(logger, "balance checks (no low-balance alerts; orders waiting for funds retry on their backoff only)");
            return;
        }

        if (check.Alerted)
        {
            OrdersLog.BalanceLow(logger, panel, check.Balance, options.LowBalanceThreshold ?? 0m);
        }
        else if (check.Restored)
        {
            OrdersLog.BalanceRestored(logger, panel, check.Balance);
        }

        if (check.OrdersWoken > 0)
        {
            OrdersLog.ToppedUp(logger, panel, check.Balance, check.OrdersWoken);
        }
    }
}
