using System.Globalization;
using Microsoft.Extensions.Hosting;
using Plugsmm.Client;
using Plugsmm.Sample.Bot;

namespace Plugsmm.Sample.Tracking;

/// <summary>The runbook's "automated balance monitoring": checks the balance periodically and alerts admins once when it drops below a threshold.</summary>
public sealed class BalanceMonitor(IPlugsmmClient panel, IAdminNotifier admins, TimeProvider time, decimal threshold, TimeSpan? interval = null) : BackgroundService
{
    private bool _alerted;

    /// <summary>One check; returns the balance, or null when the panel could not say.</summary>
    public async Task<decimal?> CheckOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var balance = await panel.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
            if (balance.Amount < threshold && !_alerted)
            {
                _alerted = true;
                await admins.NotifyAsync(
                    $"Provider balance is low: {balance.Amount.ToString(CultureInfo.InvariantCulture)} {balance.Currency} (threshold {threshold.ToString(CultureInfo.InvariantCulture)}). Top up to keep boosts flowing.",
                    cancellationToken).ConfigureAwait(false);
            }
            else if (balance.Amount >= threshold)
            {
                _alerted = false;
            }

            return balance.Amount;
        }
        catch (PlugsmmException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(interval ?? TimeSpan.FromMinutes(10), time, stoppingToken).ConfigureAwait(false);
        }
    }
}
