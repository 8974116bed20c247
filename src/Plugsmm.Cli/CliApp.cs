using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>
/// The command tree and its rules: <c>--help</c>/<c>-h</c> anywhere prints help and sends nothing; a parse error (an
/// unknown command or flag, a flag missing its value, a bad number or date) prints one line naming it on stderr and exits
/// 64 before anything is sent. <c>@</c> is not a response file: <c>@FILE</c> passes ids.
/// </summary>
internal static class CliApp
{
    private const string Description = """
        plugsmm: the command line for SMM panels speaking API v2 (Plugsmmservice by default; --base-url for another).

        The key comes from PLUGSMMS_API_KEY, or a file (--key-file FILE or PLUGSMMS_API_KEY_FILE): never a flag.
        Environment: PLUGSMM_BASE_URL (the endpoint), PLUGSMM_USE_NEW_API=false (legacy encoding), Plugsmm__* (client settings).
        Exit codes: 0 success; 2 the call failed, nothing was carried out; 3 outcome unknown: the panel may have carried it
        out, check before retrying; 4 some ids of a multi-id call failed; 64 bad usage, nothing sent.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var terminal = new Terminal();
        var root = new RootCommand(Description)
        {
            ServicesCommand.Create(terminal),
            BalanceCommand.Create(terminal),
            AddCommand.Create(terminal),
            ManyIdsCommand.Create<OrderStatus>(
                terminal, "status", "Show the status of orders.", "order", (c, ids, ct) => c.GetOrderStatusesAsync(ids, ct),
                ["status", "charge", "start_count", "remains", "currency"], s => [s.StatusText, s.Charge, s.StartCount, s.Remains, s.Currency]),
            ManyIdsCommand.Create<long>(
                terminal, "refill", "Ask for refills of orders (may cost nothing, but changes the panel).", "order", (c, ids, ct) => c.RefillOrdersAsync(ids, ct),
                ["refill"], r => [r]),
            ManyIdsCommand.Create<RefillStatus>(
                terminal, "refill-status", "Show the status of refills.", "refill", (c, ids, ct) => c.GetRefillStatusesAsync(ids, ct),
                ["status"], s => [s.StatusText]),
            ManyIdsCommand.Create<bool>(
                terminal, "cancel", "Ask to cancel orders (refunds what was not delivered).", "order", (c, ids, ct) => c.CancelOrdersAsync(ids, ct),
                ["cancel"], ok => [ok]),
            SimulateCommand.Create(terminal),
        };

        try
        {
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (args.Length == 0)
            {
                await root.Parse(["--help"]).InvokeAsync().ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parse.Action is ParseErrorAction || (parse.Action is null && parse.Errors.Count > 0))
            {
                terminal.Fail(ParseErrorLine(parse, args));
                return ExitCodes.Usage;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last resort: one line and exit 1 instead of a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            terminal.Fail($"internal error: {exception.GetType().Name}: {Failures.OneLine(exception.Message)}");
            return ExitCodes.InternalError;
        }
    }

    private static string ParseErrorLine(ParseResult parse, string[] args)
    {
        var keyFlag = args.FirstOrDefault(a => a is "--key" or "--api-key" || a.StartsWith("--key=", StringComparison.Ordinal) || a.StartsWith("--api-key=", StringComparison.Ordinal));
        if (keyFlag is not null && parse.CommandResult.Command.Name != "simulate")
        {
            return $"{keyFlag.Split('=')[0]} is not accepted: a key on the command line lands in shell history. Set {PlugsmmClientOptions.ApiKeyVariable}, or use --key-file FILE.";
        }

        var path = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            path.Insert(0, command.Command.Name);
        }

        path[0] = "plugsmm";
        // The error about a token the user typed (an unknown command or flag) says more than what it left missing.
        var error = parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parse.Errors[0];
        return $"{Failures.OneLine(error.Message)} (see '{string.Join(' ', path)} --help')";
    }
}
