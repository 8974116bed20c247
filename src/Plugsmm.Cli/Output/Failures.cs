using System.Globalization;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>
/// Runs a command's action and turns what went wrong into one line on stderr and an exit code: bad input 64, a failed
/// call 2, an unknown outcome 3, Ctrl+C 130 (3 when an order, refill or cancel was already sent).
/// </summary>
internal static class Failures
{
    public static async Task<int> RunAsync(Terminal terminal, Func<CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            terminal.Fail(OneLine(exception.Message));
            return ExitCodes.Usage;
        }
        catch (ArgumentException exception)
        {
            // The SDK's checks of an order, before any request: the message names the field, and so the flag.
            terminal.Fail(FieldMessage(exception));
            return ExitCodes.Usage;
        }
        catch (PlugsmmException exception)
        {
            return Report(terminal, exception);
        }
        catch (PlugsmmOperationCanceledException exception) when (exception.OutcomeUnknown)
        {
            terminal.Fail($"{exception.Action}: interrupted after the request was sent: the panel may have carried it out; check before retrying (correlation_id={exception.CorrelationId}).");
            return ExitCodes.OutcomeUnknown;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            terminal.Fail("interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>One line for a failed call, and its exit code: 3 when the outcome is unknown, else 2.</summary>
    public static int Report(Terminal terminal, PlugsmmException exception)
    {
        if (exception.OutcomeUnknown)
        {
            terminal.Fail($"{exception.Action}: outcome unknown: {OneLine(exception.Message)} The panel may have carried it out: check before retrying ({Detail(exception)}).");
            return ExitCodes.OutcomeUnknown;
        }

        terminal.Fail($"{exception.Action} failed: {OneLine(exception.Message)} ({Detail(exception)}).");
        return ExitCodes.Failed;
    }

    public static string Detail(PlugsmmException exception) => string.Create(
        CultureInfo.InvariantCulture,
        $"kind={exception.Kind} reason={exception.Reason} status={exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} attempts={exception.Attempts} correlation_id={exception.CorrelationId}");

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>An order check's message, led by the flag of the field it names (<c>(field 'old_posts')</c> is <c>--old-posts</c>).</summary>
    private static string FieldMessage(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = $" (Parameter '{exception.ParamName}')";
        if (exception.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        const string Field = "(field '";
        var at = message.IndexOf(Field, StringComparison.Ordinal);
        var end = at < 0 ? -1 : message.IndexOf('\'', at + Field.Length);
        if (end > at)
        {
            message = $"--{message[(at + Field.Length)..end].Replace('_', '-')}: {message}";
        }

        return OneLine(message);
    }
}
