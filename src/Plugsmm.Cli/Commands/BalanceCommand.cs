using System.CommandLine;

namespace Plugsmm.Cli;

/// <summary><c>plugsmm balance</c>: the account's balance.</summary>
internal static class BalanceCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("balance", "Show the account's balance and currency.");
        var panel = PanelOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(terminal, async ct =>
        {
            await using var session = PanelSession.Open(parse, panel, terminal);
            var balance = await session.CreateClient().GetBalanceAsync(ct).ConfigureAwait(false);
            var report = new Report("balance", "currency");
            report.Add(balance.Amount, balance.Currency);
            report.Write(terminal, parse.GetValue(panel.Json), asObject: true);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
