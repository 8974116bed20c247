using System.CommandLine;
using System.Globalization;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>
/// <c>status</c>, <c>refill</c>, <c>refill-status</c> and <c>cancel</c>: a call over any number of ids, one row (or JSON
/// object) per id with its value or its error. Exit 0 when every id succeeded, 4 when some failed, 3 when some may have
/// been carried out without an answer, 2 or 3 when the call failed as a whole.
/// </summary>
internal static class ManyIdsCommand
{
    public static Command Create<T>(
        Terminal terminal,
        string name,
        string description,
        string idName,
        Func<IPlugsmmClient, IReadOnlyList<long>, CancellationToken, Task<IReadOnlyList<ItemResult<T>>>> call,
        string[] valueColumns,
        Func<T, object?[]> values)
    {
        var command = new Command(name, description);
        var ids = new Argument<string[]>("ids")
        {
            Description = $"The {idName} ids: 1 2 3, 1,2,3, @ids.txt (separated by commas, spaces or lines), or - for stdin; any number, sent 100 per request.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        command.Add(ids);
        var panel = PanelOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => Failures.RunAsync(terminal, async ct =>
        {
            var list = await IdList.ReadAsync(parse.GetValue(ids) ?? [], idName, terminal.In, ct).ConfigureAwait(false);
            await using var session = PanelSession.Open(parse, panel, terminal);
            var client = session.CreateClient();
            var outcomes = await Batches.RunAsync(list, (chunk, token) => call(client, chunk, token), terminal, name, changesPanel: name is "refill" or "cancel", ct).ConfigureAwait(false);

            var report = new Report([idName, "ok", .. valueColumns, "error", "kind", "reason", "outcome_unknown"]);
            foreach (var outcome in outcomes)
            {
                var row = outcome.IsSuccess ? values(outcome.Value!) : new object?[valueColumns.Length];
                report.Add([outcome.Id, outcome.IsSuccess, .. row, outcome.Error?.PanelError ?? outcome.Error?.Message, outcome.Error?.Kind.ToString(), outcome.Error?.Reason, outcome.OutcomeUnknown ? true : null]);
            }

            report.Write(terminal, parse.GetValue(panel.Json));
            return Summarize(terminal, name, outcomes);
        }, cancellationToken));
        return command;
    }

    private static int Summarize<T>(Terminal terminal, string name, IReadOnlyList<ItemResult<T>> outcomes)
    {
        var unknown = outcomes.Count(o => o.OutcomeUnknown);
        var failed = outcomes.Count(o => !o.IsSuccess);
        var total = outcomes.Count.ToString(CultureInfo.InvariantCulture);
        if (unknown > 0)
        {
            terminal.Fail($"{name}: outcome unknown for {unknown.ToString(CultureInfo.InvariantCulture)} of {total} ids (outcome_unknown): the panel may have carried them out; check before retrying them.");
            return ExitCodes.OutcomeUnknown;
        }

        if (failed > 0)
        {
            terminal.Fail($"{name}: {failed.ToString(CultureInfo.InvariantCulture)} of {total} ids failed (see their error).");
            return ExitCodes.SomeItemsFailed;
        }

        return ExitCodes.Success;
    }
}
