using Plugsmm.Client;

namespace Plugsmm.Cli.Tests;

/// <summary>
/// Ctrl+C between two requests of a many-id call: for a refill or cancel the earlier requests may have been carried
/// out, so the tool reports an unknown outcome (exit 3), never a plain interruption (130) that says nothing was sent.
/// </summary>
[Trait("Category", "Cli")]
public sealed class BatchesTests
{
    private static readonly List<long> Ids = [.. Enumerable.Range(1, 250).Select(i => (long)i)];

    [Fact]
    public async Task Interrupted_between_requests_of_a_cancel_is_an_unknown_outcome()
    {
        using var interrupt = new CancellationTokenSource();
        var (calls, answer) = AnswerThenInterrupt(interrupt);

        var error = await Assert.ThrowsAsync<PlugsmmOperationCanceledException>(
            () => Batches.RunAsync(Ids, answer, new Terminal(), "cancel", changesPanel: true, interrupt.Token));

        Assert.Equal(1, calls());
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("first 100 of 250", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupted_between_requests_of_a_read_is_a_plain_interruption()
    {
        using var interrupt = new CancellationTokenSource();
        var (_, answer) = AnswerThenInterrupt(interrupt);

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Batches.RunAsync(Ids, answer, new Terminal(), "status", changesPanel: false, interrupt.Token));

        Assert.IsNotType<PlugsmmOperationCanceledException>(error);
    }

    /// <summary>A panel call that answers every id, then the user presses Ctrl+C: the next request is never sent.</summary>
    private static (Func<int> Calls, Func<IReadOnlyList<long>, CancellationToken, Task<IReadOnlyList<ItemResult<bool>>>> Answer) AnswerThenInterrupt(CancellationTokenSource interrupt)
    {
        var calls = 0;
        return (() => calls, (chunk, token) =>
        {
            token.ThrowIfCancellationRequested();
            calls++;
            interrupt.Cancel();
            return Task.FromResult<IReadOnlyList<ItemResult<bool>>>([.. chunk.Select(id => ItemResult.Success(id, true))]);
        });
    }
}
