using System.CommandLine;
using System.Globalization;
using Plugsmm.Client.Testing;

namespace Plugsmm.Cli;

/// <summary>
/// <c>plugsmm simulate</c>: the simulated panel of Plugsmm.Client.Testing on 127.0.0.1 until Ctrl+C, for this tool, a bot
/// in any language, or a manual test. Prints <c>Listening on http://127.0.0.1:N/api/v2</c> and the key it accepts when ready.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("simulate", "Run a simulated panel (API v2) on 127.0.0.1 until Ctrl+C: a catalogue, a balance, orders that progress, faults on demand. No key needed.");
        var port = ValueParsers.Int("--port", "The port on 127.0.0.1 (default: a free one).", 0, 65535, helpName: "PORT");
        var key = ValueParsers.Text("--key", $"The API key the panel accepts (a test key, not yours; default {SimulatedPanel.DefaultApiKey}).");
        var seed = ValueParsers.Int("--seed", "The seed of the fault draws, so a run repeats (default 1).", int.MinValue, int.MaxValue);
        var faultRate = ValueParsers.Rate("--fault-rate", "The share of requests that get a fault, 0 to 1 (default 0).");
        var faults = ValueParsers.List("--fault", "The faults drawn (default all but latency): " + string.Join(", ", FaultNames.Names) + ".", helpName: "NAME,...");
        var faultAction = ValueParsers.Text("--fault-action", "Only requests of this action get faults (add, status, ...).", helpName: "ACTION");
        var latency = ValueParsers.Int("--latency", "Milliseconds every answer waits (default 0).", 0, int.MaxValue, helpName: "MS");
        var balance = ValueParsers.Decimal("--balance", "The starting balance (default 100).", 0m);
        var rateLimit = ValueParsers.Int("--rate-limit", "The most requests per minute; more get HTTP 429 with Retry-After (default: no limit).", 1, int.MaxValue, helpName: "PER_MINUTE");
        var ledger = ValueParsers.Text("--ledger", "Append one JSON line per request the panel handled to this file, flushed line by line.", helpName: "FILE");
        foreach (var option in new Option[] { port, key, seed, faultRate, faults, faultAction, latency, balance, rateLimit, ledger })
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Failures.RunAsync(terminal, async ct =>
        {
            var chosen = FaultNames.Parse(parse.GetValue(faults) ?? []);
            if (parse.GetValue(faultRate) is null && (parse.GetResult(faults) is not null || parse.GetResult(faultAction) is not null))
            {
                throw new UsageException("--fault and --fault-action need --fault-rate R: the share of requests (0 to 1) that get a fault.");
            }

            await using var panel = SimulatedPanel.CreateDefault();
            panel.ApiKey = parse.GetValue(key) ?? SimulatedPanel.DefaultApiKey;
            panel.LoopbackPort = parse.GetValue(port) ?? 0;
            panel.SetBalance(parse.GetValue(balance) ?? 100m);
            panel.Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency) ?? 0);
            panel.RateLimitPerMinute = parse.GetValue(rateLimit);
            if (parse.GetValue(faultRate) is { } rate and > 0)
            {
                panel.Faults.AtRate(rate, parse.GetValue(seed) ?? 1, parse.GetValue(faultAction), chosen);
            }

            if (parse.GetValue(ledger) is { } path)
            {
                try
                {
                    panel.AppendLedgerTo(path);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--ledger: cannot write '{path}': {exception.Message}", exception);
                }
            }

            Uri address;
            try
            {
                address = await panel.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new UsageException($"--port: cannot listen on 127.0.0.1:{panel.LoopbackPort.ToString(CultureInfo.InvariantCulture)}: {exception.Message}", exception);
            }

            terminal.Out.WriteLine($"Listening on {address}");
            terminal.Out.WriteLine($"API key: {panel.ApiKey}");
            if (parse.GetValue(ledger) is { } ledgerFile)
            {
                terminal.Out.WriteLine($"Ledger: {Path.GetFullPath(ledgerFile)}");
            }

            terminal.Out.WriteLine($"Try: PLUGSMMS_API_KEY={panel.ApiKey} plugsmm balance --base-url {address}");
            terminal.Out.WriteLine("Press Ctrl+C to stop.");
            terminal.Out.Flush();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: stop serving, flush the ledger.
            }

            await panel.StopAsync(CancellationToken.None).ConfigureAwait(false);
            terminal.Out.WriteLine("Stopped.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
