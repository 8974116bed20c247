using Plugsmm.Client.Testing;
using Xunit.Abstractions;

namespace Plugsmm.Orders.Tests;

/// <summary>
/// The process dies at every step boundary of placement and delivery, for every way <c>add</c> can end, and at every
/// step boundary of tracking, for every way the panel ends the order; a fresh engine over the same SQLite file takes
/// over. The simulated panel's ledger (and the store's refunds) are the ground truth.
/// </summary>
[Trait("Category", "CrashMatrix")]
public sealed partial class CrashMatrixTests(ITestOutputHelper output)
{
    /// <summary>How the panel answers the order's first <c>add</c>.</summary>
    public enum Answer
    {
        /// <summary>Takes it.</summary>
        Placed,

        /// <summary>Refuses it for good (quantity below the minimum).</summary>
        Refused,

        /// <summary>Refuses it for funds (topped up after the restart).</summary>
        NoFunds,

        /// <summary>Takes it, then the connection drops: the outcome is unknown.</summary>
        Dropped,
    }

    [Fact]
    public async Task No_crash_loses_an_order_places_one_twice_or_loses_an_event()
    {
        var cases = Enum.GetValues<CrashPoint>().SelectMany(p => Enum.GetValues<Answer>().Select(a => (Point: p, Answer: a))).ToList();
        var failures = new List<string>();
        int lost = 0, twice = 0;
        foreach (var (point, answer) in cases)
        {
            var result = await RunCaseAsync(point, answer);
            lost += result.Lost ? 1 : 0;
            twice += result.PlacedTwice ? 1 : 0;
            failures.AddRange(result.Problems.Select(p => $"{point} × {answer}: {p}"));
        }

        var trackingCases = Enum.GetValues<TrackingCrashPoint>().SelectMany(p => Enum.GetValues<PanelEnd>().Select(e => (Point: p, End: e))).ToList();
        foreach (var (point, end) in trackingCases)
        {
            var result = await RunTrackingCaseAsync(point, end);
            lost += result.Lost ? 1 : 0;
            twice += result.PlacedTwice ? 1 : 0;
            failures.AddRange(result.Problems.Select(p => $"{point} × {end}: {p}"));
        }

        var cancelCases = Enum.GetValues<CancelCrashPoint>().SelectMany(p => Enum.GetValues<CancelAnswer>().Select(a => (Point: p, Answer: a))).ToList();
        foreach (var (point, answer) in cancelCases)
        {
            var result = await RunCancelCaseAsync(point, answer);
            lost += result.Lost ? 1 : 0;
            twice += result.PlacedTwice ? 1 : 0;
            failures.AddRange(result.Problems.Select(p => $"{point} × {answer}: {p}"));
        }

        var refillCases = Enum.GetValues<RefillCrashPoint>().SelectMany(p => Enum.GetValues<RefillAnswer>().Select(a => (Point: p, Answer: a)))
            .Where(c => c.Point != RefillCrashPoint.AfterRefillStatusBeforeRecording || c.Answer == RefillAnswer.Accepted).ToList();
        foreach (var (point, answer) in refillCases)
        {
            var result = await RunRefillCaseAsync(point, answer);
            lost += result.Lost ? 1 : 0;
            twice += result.PlacedTwice ? 1 : 0;
            failures.AddRange(result.Problems.Select(p => $"{point} × {answer}: {p}"));
        }

        var line = $"crash matrix: {cases.Count + trackingCases.Count + cancelCases.Count + refillCases.Count} cases, {lost} lost, {twice} placed twice";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal((0, 0), (lost, twice));
    }

    private static async Task<CaseResult> RunCaseAsync(CrashPoint point, Answer answer)
    {
        await using var harness = new EngineHarness();
        var order = Orders.New("order-1", quantity: answer == Answer.Refused ? 10 : 1000);
        var problems = new List<string>();

        // The first process: the panel answers as the case says, and the process dies at the point.
        if (answer == Answer.NoFunds)
        {
            harness.Panel.SetBalance(0m);
        }
        else if (answer == Answer.Dropped)
        {
            harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
        }

        var process = new ProcessCrash();
        var handler = new CrashingHandler(harness.Handler, point == CrashPoint.InEventHandler, process);
        var first = harness.NewEngine("first", store => new CrashingStore(store, point, process), handler);
        try
        {
            await first.AcceptAsync(order);
            await EngineHarness.RunUntilIdleAsync(first);
        }
        catch (ProcessCrash.CrashException)
        {
        }

        if (!process.Dead)
        {
            problems.Add("the process never reached its crash point");
        }

        // The restart: the world moved on (leases ran out, the balance was topped up), the front end sends the order again.
        harness.Panel.Faults.Clear();
        harness.Panel.SetBalance(100m);
        harness.Time.Advance(harness.Options.LeaseDuration);
        var second = harness.NewEngine("second");
        var again = await second.AcceptAsync(order);
        for (var round = 0; round < 3; round++)
        {
            await EngineHarness.RunUntilIdleAsync(second);
            harness.Time.Advance(harness.Options.MaxRetryDelay);
        }

        // Ground truth: the panel's orders for the link.
        var onPanel = harness.Panel.Orders.Where(o => o.Link == order.Link).ToList();
        var stored = await second.FindAsync(order.IdempotencyKey);
        var placedTwice = onPanel.Count > 1;
        var lost = stored is null || stored.Id != again.Id
            || stored.State is not (LocalOrderState.Placed or LocalOrderState.Completed or LocalOrderState.Failed or LocalOrderState.Unknown)
            || (onPanel.Count == 1 && !(stored.State == LocalOrderState.Unknown || (stored.State is LocalOrderState.Placed or LocalOrderState.Completed && stored.ProviderOrderId == onPanel[0].Id)))
            || (onPanel.Count == 0 && stored.State is LocalOrderState.Placed or LocalOrderState.Completed);
        if (lost)
        {
            problems.Add($"lost: {stored?.State} provider #{stored?.ProviderOrderId}, {onPanel.Count} on the panel");
        }

        if (placedTwice)
        {
            problems.Add($"placed {onPanel.Count} times");
        }

        problems.AddRange(CheckEvents(harness));
        problems.AddRange(CheckExpected(stored, answer, point));
        return new CaseResult(lost, placedTwice, problems);
    }

    /// <summary>Every event in the outbox was delivered at least once, always with the same key.</summary>
    private static IEnumerable<string> CheckEvents(EngineHarness harness)
    {
        var outbox = harness.Database.Query("SELECT seq, dedupe_key, delivered_at FROM events ORDER BY seq");
        var delivered = harness.Handler.Handled.ToLookup(e => e.Sequence);
        foreach (var row in outbox)
        {
            var (seq, key) = ((long)row[0]!, (string)row[1]!);
            if (row[2] is null)
            {
                yield return $"event {key} never marked delivered";
            }

            if (!delivered[seq].Any())
            {
                yield return $"event {key} never handled";
            }

            if (harness.Handler.Attempts.Any(e => e.Sequence == seq && e.DedupeKey != key))
            {
                yield return $"event {seq} delivered under another key";
            }
        }

        if (outbox.Count < 2)
        {
            yield return $"only {outbox.Count} events in the outbox";
        }
    }

    /// <summary>
    /// Where each answer must end: placed (and then tracked: completed by the panel during the restart's rounds), failed
    /// with a refund, or (when add may have reached the panel, or its answer was lost) unknown.
    /// </summary>
    private static IEnumerable<string> CheckExpected(LocalOrder? stored, Answer answer, CrashPoint point)
    {
        // Crashes before add leave the answer to the restarted process, where the panel is healthy and funded.
        var addAfterRestart = point is CrashPoint.AfterAccept or CrashPoint.AfterClaim;
        var answerLost = point is CrashPoint.AfterMarkingPlacing or CrashPoint.AfterAddBeforeRecording;
        var expected = answerLost || (answer == Answer.Dropped && !addAfterRestart) ? LocalOrderState.Unknown
            : answer == Answer.Refused ? LocalOrderState.Failed
            : LocalOrderState.Placed;
        if (stored is not null && (stored.State == LocalOrderState.Completed ? LocalOrderState.Placed : stored.State) != expected)
        {
            yield return $"ended {stored.State}, expected {expected}";
        }

        if (stored is { State: LocalOrderState.Failed } && stored.RefundedAmount != stored.Price)
        {
            yield return $"failed with {stored.RefundedAmount} refunded of {stored.Price}";
        }
    }

    private sealed record CaseResult(bool Lost, bool PlacedTwice, IReadOnlyList<string> Problems);
}
