using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>The cancel half of the crash matrix: the process dies while a cancel on request is sent and answered.</summary>
public sealed partial class CrashMatrixTests
{
    /// <summary>How the panel answers the cancel.</summary>
    public enum CancelAnswer
    {
        /// <summary>Takes it (service 1, still pending): the order ends canceled, the whole price refunded.</summary>
        Accepted,

        /// <summary>Refuses it (service 7 cannot be canceled): the order runs to its end (partial, 0.50 refunded).</summary>
        Refused,

        /// <summary>Takes it, then the connection drops: unknown, never sent again; the status tells (canceled).</summary>
        Dropped,
    }

    private static async Task<CaseResult> RunCancelCaseAsync(CancelCrashPoint point, CancelAnswer answer)
    {
        await using var harness = new EngineHarness();
        var order = Orders.New("order-1", serviceId: answer == CancelAnswer.Refused ? 7 : 1, quantity: 1000, price: 2.50m);
        var problems = new List<string>();
        if (answer == CancelAnswer.Dropped)
        {
            harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "cancel");
        }

        // The first process places the order, the customer asks to cancel it, and the process dies on the way.
        var process = new ProcessCrash();
        var first = harness.NewEngine("first", store => new CrashingStore(store, null, process, null, point));
        try
        {
            var accepted = await first.AcceptAsync(order);
            await EngineHarness.RunUntilIdleAsync(first);
            await first.RequestCancelAsync(accepted.Id);
            await EngineHarness.RunUntilIdleAsync(first);
        }
        catch (ProcessCrash.CrashException)
        {
        }

        if (!process.Dead)
        {
            problems.Add("the process never reached its crash point");
        }

        // The restart: the leases ran out; a fresh engine carries on until the panel ends the order.
        harness.Panel.Faults.Clear();
        harness.Time.Advance(harness.Options.LeaseDuration);
        var second = harness.NewEngine("second");
        for (var round = 0; round < 8; round++)
        {
            await EngineHarness.RunUntilIdleAsync(second);
            harness.Time.Advance(harness.Options.MaxTrackingInterval);
        }

        // Ground truth: the panel's ledger (one order, at most one cancel sent) and whether it canceled the order.
        var onPanel = harness.Panel.Orders.Where(o => o.Link == order.Link).ToList();
        var stored = await second.FindAsync(order.IdempotencyKey);
        var id = onPanel.Count == 1 ? onPanel[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        var cancels = harness.Panel.Requests.Count(r => r.Action == "cancel" && r.Fields.TryGetValue("orders", out var ids) && ids.Split(',').Contains(id));
        if (cancels > 1)
        {
            problems.Add($"cancel sent {cancels} times");
        }

        var canceledOnPanel = onPanel.Count == 1 && onPanel[0].CanceledAt is not null;
        var (expectedState, expectedRefund) = canceledOnPanel ? (LocalOrderState.Canceled, 2.50m)
            : answer == CancelAnswer.Refused ? (LocalOrderState.Partial, 0.50m)
            : (LocalOrderState.Completed, 0m);
        var lost = stored is null || onPanel.Count != 1 || stored.ProviderOrderId != onPanel[0].Id || stored.State != expectedState;
        if (lost)
        {
            problems.Add($"lost: {stored?.State} provider #{stored?.ProviderOrderId}, {onPanel.Count} on the panel, expected {expectedState}");
        }

        if (answer == CancelAnswer.Accepted && point is not (CancelCrashPoint.AfterMarkingSending or CancelCrashPoint.AfterCancelAnsweredBeforeRecording) && !canceledOnPanel)
        {
            problems.Add("a requested cancel was never sent");
        }

        if (answer == CancelAnswer.Refused && stored?.Cancel == CancelState.Accepted)
        {
            problems.Add("a refused cancel shown as accepted");
        }

        problems.AddRange(CheckEvents(harness));
        problems.AddRange(CheckRefunds(harness, stored, expectedRefund));
        return new CaseResult(lost, onPanel.Count > 1, problems);
    }
}
