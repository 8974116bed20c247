using System.CommandLine;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>Builds one order from a parsed <c>add</c> subcommand (reading any file it names).</summary>
internal delegate Task<OrderRequest> OrderBuilder(ParseResult parse, long serviceId, CancellationToken cancellationToken);

/// <summary>
/// <c>plugsmm add TYPE --service ID ...</c>: places one order, one subcommand per order type (<see cref="OrderTypes"/>).
/// <c>--dry-run</c> prints the exact fields that would be sent, the key masked, and sends nothing.
/// </summary>
internal static class AddCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("add", "Place an order (costs money): one subcommand per order type. Try --dry-run first.");
        foreach (var type in OrderTypes.All(terminal))
        {
            command.Add(type);
        }

        return command;
    }

    /// <summary>One order type's subcommand: <c>--service</c>, its own fields, <c>--dry-run</c>, and the panel options.</summary>
    public static Command Type(Terminal terminal, string name, string description, Func<OrderFields, OrderBuilder> define)
    {
        var command = new Command(name, description);
        var service = ValueParsers.PositiveLong("--service", "The service id, from 'plugsmm services'.", required: true);
        command.Add(service);
        var build = define(new OrderFields(command));
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the exact fields that would be sent (key masked) and send nothing." };
        command.Add(dryRun);
        var panel = PanelOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(terminal, async ct =>
        {
            var order = await build(parse, parse.GetValue(service)!.Value, ct).ConfigureAwait(false);
            var json = parse.GetValue(panel.Json);
            var dry = parse.GetValue(dryRun);
            await using var session = PanelSession.Open(parse, panel, terminal, keyOptional: dry);
            if (dry)
            {
                var fields = await DryRun.FieldsAsync(session.Options, order, ct).ConfigureAwait(false);
                WriteDryRun(terminal, json, session.Options.BaseAddress, fields);
                return ExitCodes.Success;
            }

            var id = await session.CreateClient().AddOrderAsync(order, ct).ConfigureAwait(false);
            var report = new Report("order");
            report.Add(id);
            report.Write(terminal, json, asObject: true);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void WriteDryRun(Terminal terminal, bool json, Uri address, IReadOnlyDictionary<string, string> fields)
    {
        var url = address.GetLeftPart(UriPartial.Path);
        if (json)
        {
            var document = new Report("dry_run", "url", "fields");
            document.Add(true, url, fields);
            document.Write(terminal, json: true, asObject: true);
            return;
        }

        terminal.Error.WriteLine($"plugsmm: dry run: nothing sent; POST {url} would carry these fields:");
        var report = new Report("field", "value");
        foreach (var (name, value) in fields)
        {
            report.Add(name, value);
        }

        report.Write(terminal, json: false);
    }
}
