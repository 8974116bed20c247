using Plugsmm.Client.Testing;

namespace Plugsmm.Orders.Tests;

/// <summary>The refill half of the crash matrix: the process dies while a refill on request is sent, answered and tracked.</summary>
public sealed partial class CrashMatrixTests
{
    /// <summary>How the panel answers the refill.</summary>
    public enum RefillAnswer
    {
        /// <summary>Takes it (service 1); its status is Completed 10 minutes later.</summary>
        Accepted,

        /// <summary>Refuses it (service 8: advertised with refill, <c>Order not eligible for refill.</c>).</summary>
        Refused,

        /// <summary>Takes it, then the connection drops: unknown, never sent again.</summary>
        Dropped,
    }

    private static async Task<CaseResult> RunRefillCaseAsync(RefillCrashPoint point, RefillAnswer answer)
    {
        await using var harness = new EngineHarness();
        var serviceId = answer == RefillAnswer.Refused ? harness.AddRefillRefusingService() : 1;
        var order = Orders.New("order-1", serviceId: serviceId, quantity: 1000, price: 2.50m);
        var problems = new List<string>();

        // The first process places the order and tracks it to completed; the customer asks for a refill; the process dies on the way.
        var process = new ProcessCrash();
        var first = harness.NewEngine("first", store => new CrashingStore(store, null, process, null, null, point));
        try
        {
            var accepted = await first.AcceptAsync(order);
            await EngineHarness.RunUntilIdleAsync(first);
            harness.Time.Advance(TimeSpan.FromHours(1));
            await EngineHarness.RunUntilIdleAsync(first);
            if (answer == RefillAnswer.Refused)
            {
                harness.AdvertiseRefill(serviceId);
            }
            else if (answer == RefillAnswer.Dropped)
            {
                harness.Panel.Faults.Next(PanelFault.DropAfterProcessing, action: "refill");
            }

            await first.RequestRefillAsync(accepted.Id);
            await EngineHarness.RunUntilIdleAsync(first);
            harness.Time.Advance(TimeSpan.FromMinutes(11));
            await EngineHarness.RunUntilIdleAsync(first);
        }
        catch (ProcessCrash.CrashException)
        {
        }

        if (!process.Dead)
        {
            problems.Add("the process never reached its crash point");
        }

        var onPanel = harness.Panel.Orders.Where(o => o.Link == order.Link).ToList();
        var sentByFirst = onPanel.Count == 1 && harness.RefillRequestsFor(onPanel[0].Id) > 0;

        // The restart: the leases ran out; a fresh engine carries on.
        harness.Panel.Faults.Clear();
        harness.Time.Advance(harness.Options.LeaseDuration);
        var second = harness.NewEngine("second");
        for (var round = 0; round < 3; round++)
        {
            await EngineHarness.RunUntilIdleAsync(second);
            harness.Time.Advance(harness.Options.MaxTrackingInterval);
        }

        // Ground truth: the panel's ledger (one order, at most one refill sent for the one request).
        var stored = await second.FindAsync(order.IdempotencyKey);
        var sent = onPanel.Count == 1 ? harness.RefillRequestsFor(onPanel[0].Id) : 0;
        if (sent > 1)
        {
            problems.Add($"refill sent {sent} times for one request");
        }

        var answerLost = point is RefillCrashPoint.AfterMarkingRefillSending or RefillCrashPoint.AfterRefillAnsweredBeforeRecording
            || (answer == RefillAnswer.Dropped && sentByFirst);
        var expected = answerLost ? RefillRequestState.Unknown : answer == RefillAnswer.Refused ? RefillRequestState.Refused : RefillRequestState.Completed;
        var lost = stored is null || onPanel.Count != 1 || stored.State != LocalOrderState.Completed || stored.Refill != expected;
        if (lost)
        {
            problems.Add($"lost: order {stored?.State}, refill {stored?.Refill} ({stored?.RefillReason}), expected {expected}; {sent} refill requests");
        }

        if (expected == RefillRequestState.Unknown ? sent > 1 : sent != 1)
        {
            problems.Add($"{sent} refill requests, expected {(expected == RefillRequestState.Unknown ? "at most 1" : "1")}");
        }

        if (answer == RefillAnswer.Refused && harness.Handler.Handled.Any(e => e.Kind is OrderEventKind.RefillAccepted or OrderEventKind.RefillCompleted))
        {
            problems.Add("a refused refill shown as requested");
        }

        problems.AddRange(CheckEvents(harness));
        problems.AddRange(CheckRefunds(harness, stored, 0m));
        return new CaseResult(lost, onPanel.Count > 1, problems);
    }
}
