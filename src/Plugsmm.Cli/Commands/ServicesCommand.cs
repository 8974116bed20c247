using System.CommandLine;

namespace Plugsmm.Cli;

/// <summary><c>plugsmm services</c>: the panel's catalogue.</summary>
internal static class ServicesCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("services", "List the panel's services (id, name, type, category, rate per 1000, min, max, refill, cancel, drip-feed).");
        var panel = PanelOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(terminal, async ct =>
        {
            await using var session = PanelSession.Open(parse, panel, terminal);
            var services = await session.CreateClient().GetServicesAsync(ct).ConfigureAwait(false);
            var report = new Report("service", "name", "type", "category", "rate", "min", "max", "refill", "cancel", "dripfeed");
            foreach (var s in services)
            {
                report.Add(s.Id, s.Name, s.Type, s.Category, s.RatePer1000, s.Min, s.Max, s.Refill, s.Cancel, s.DripFeed);
            }

            report.Write(terminal, parse.GetValue(panel.Json));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
