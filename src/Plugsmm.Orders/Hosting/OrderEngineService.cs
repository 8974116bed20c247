using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Plugsmm.Orders;

/// <summary>Runs the engine's steps for the host's lifetime: back to back while there is work, one poll interval apart when idle.</summary>
internal sealed class OrderEngineService(OrderEngine engine, IOptions<PlugsmmOrdersOptions> options, TimeProvider time, ILogger<OrderEngine> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The store's calls may complete synchronously: never hold up the host's start.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await engine.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed step (a locked database, a failing store) is logged and tried again: leases recover its orders.
            catch (Exception error)
#pragma warning restore CA1031
            {
                OrdersLog.StepFailed(logger, error);
            }

            if (handled == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
