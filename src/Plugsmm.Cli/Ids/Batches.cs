using Plugsmm.Client;
using Spectre.Console;

namespace Plugsmm.Cli;

/// <summary>
/// Sends ids 100 per request, one request after another, with a progress bar on stderr when it is a terminal. Keeps the
/// SDK's rule: a request that failed gives its ids that failure (and its <c>OutcomeUnknown</c>); the call as a whole fails
/// only when no request was answered and that failure is true of every id (one request, or every outcome known).
/// </summary>
internal static class Batches
{
    public static async Task<IReadOnlyList<ItemResult<T>>> RunAsync<T>(
        IReadOnlyList<long> ids,
        Func<IReadOnlyList<long>, CancellationToken, Task<IReadOnlyList<ItemResult<T>>>> call,
        Terminal terminal,
        string label,
        bool changesPanel,
        CancellationToken cancellationToken)
    {
        var chunks = ids.Chunk(PlugsmmClient.MaxIdsPerRequest).ToList();
        var outcomes = new List<ItemResult<T>>(ids.Count);
        var failures = new List<PlugsmmException>();
        var answered = 0;

        async Task SendAsync(Action<int> advance)
        {
            foreach (var chunk in chunks)
            {
                try
                {
                    var items = await call(chunk, cancellationToken).ConfigureAwait(false);
                    outcomes.AddRange(items);
                    answered++;
                }
                catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && changesPanel
                    && (answered > 0 || failures.Count > 0) && exception is not PlugsmmOperationCanceledException)
                {
                    // Interrupted between requests: the earlier ones may have been carried out, so not "nothing was sent".
                    var sent = outcomes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw new PlugsmmOperationCanceledException(
                        $"{label}: interrupted after requests for the first {sent} of {ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} ids were sent",
                        label,
                        string.Empty,
                        exception,
                        cancellationToken);
                }
                catch (PlugsmmException exception)
                {
                    failures.Add(exception);
                    outcomes.AddRange(chunk.Select(id => ItemResult.Failure<T>(id, exception)));
                }

                advance(chunk.Length);
            }
        }

        if (terminal.ErrorIsTerminal && chunks.Count > 1)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal.Error) });
            await console.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: ids.Count);
                await SendAsync(count => task.Increment(count)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(_ => { }).ConfigureAwait(false);
        }

        if (answered == 0 && (chunks.Count == 1 || failures.TrueForAll(f => !f.OutcomeUnknown)))
        {
            throw failures[0];
        }

        return outcomes;
    }
}
