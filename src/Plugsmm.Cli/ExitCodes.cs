namespace Plugsmm.Cli;

/// <summary>The tool's exit codes. Scripts branch on them; docs/cli.md lists them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for succeeded.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure of the tool itself (a bug): the message says what.</summary>
    public const int InternalError = 1;

    /// <summary>The call failed and its outcome is known: nothing was carried out (a refusal, a 429, an unreachable panel).</summary>
    public const int Failed = 2;

    /// <summary>The outcome is unknown: the panel may have carried out an order, refill or cancel. Check before retrying.</summary>
    public const int OutcomeUnknown = 3;

    /// <summary>A call over many ids was answered, but some (or all) of its ids failed: the output says which.</summary>
    public const int SomeItemsFailed = 4;

    /// <summary>Bad usage: an unknown command or flag, a flag missing its value, a bad number, date, file or id; nothing was sent.</summary>
    public const int Usage = 64;

    /// <summary>Interrupted (Ctrl+C) before anything with a side effect was sent.</summary>
    public const int Interrupted = 130;
}
