namespace Plugsmm.Orders.Tests;

/// <summary>The tracking half of the crash matrix: the process dies while tracking an order to its end.</summary>
public sealed partial class CrashMatrixTests
{
    /// <summary>How the panel ends the order.</summary>
    public enum PanelEnd
    {
        /// <summary>Delivered in full: nothing refunded.</summary>
        Completed,

        /// <summary>80% delivered (service 7): 200 of 1000 refunded, 0.50 of 2.50.</summary>
        Partial,

        /// <summary>Canceled before delivery started: the whole price refunded.</summary>
        Canceled,
    }

    private static async Task<CaseResult> RunTrackingCaseAsync(TrackingCrashPoint point, PanelEnd end)
    {
        await using var harness = new EngineHarness();
        var order = Orders.New("order-1", serviceId: end == PanelEnd.Partial ? 7 : 1, quantity: 1000, price: 2.50m);
        var problems = new List<string>();

        // The first process places the order, the panel ends it, and the process dies tracking it.
        var process = new ProcessCrash();
        var first = harness.NewEngine("first", store => new CrashingStore(store, null, process, point));
        try
        {
            await first.AcceptAsync(order);
            await EngineHarness.RunUntilIdleAsync(first);
            if (end == PanelEnd.Canceled && await first.FindAsync(order.IdempotencyKey) is { ProviderOrderId: { } id })
            {
                await harness.Client.CancelOrderAsync(id);
            }

            harness.Time.Advance(TimeSpan.FromHours(1));
            await EngineHarness.RunUntilIdleAsync(first);
        }
        catch (ProcessCrash.CrashException)
        {
        }

        if (!process.Dead)
        {
            problems.Add("the process never reached its crash point");
        }

        // The restart: the leases ran out; a fresh engine tracks on.
        harness.Time.Advance(harness.Options.LeaseDuration);
        var second = harness.NewEngine("second");
        for (var round = 0; round < 3; round++)
        {
            await EngineHarness.RunUntilIdleAsync(second);
            harness.Time.Advance(harness.Options.MaxTrackingInterval);
        }

        var onPanel = harness.Panel.Orders.Where(o => o.Link == order.Link).ToList();
        var stored = await second.FindAsync(order.IdempotencyKey);
        var (expectedState, expectedRefund) = end switch
        {
            PanelEnd.Completed => (LocalOrderState.Completed, 0m),
            PanelEnd.Partial => (LocalOrderState.Partial, 0.50m),
            _ => (LocalOrderState.Canceled, 2.50m),
        };
        var lost = stored is null || onPanel.Count == 0 || stored.ProviderOrderId != onPanel[0].Id || stored.State != expectedState;
        if (lost)
        {
            problems.Add($"lost: {stored?.State} provider #{stored?.ProviderOrderId}, {onPanel.Count} on the panel, expected {expectedState}");
        }

        if (onPanel.Count > 1)
        {
            problems.Add($"placed {onPanel.Count} times");
        }

        problems.AddRange(CheckEvents(harness));
        problems.AddRange(CheckRefunds(harness, stored, expectedRefund));
        return new CaseResult(lost, onPanel.Count > 1, problems);
    }

    /// <summary>The refund is the expected one, counted once: one refund event (by dedupe key), adding up to the stored amount.</summary>
    private static IEnumerable<string> CheckRefunds(EngineHarness harness, LocalOrder? stored, decimal expected)
    {
        if (stored is not null && stored.RefundedAmount != expected)
        {
            yield return $"refunded {stored.RefundedAmount}, expected {expected}";
        }

        var refunds = harness.Handler.Handled.Where(e => e.RefundAmount != 0m).DistinctBy(e => e.DedupeKey).ToList();
        if (refunds.Count > 1)
        {
            yield return $"{refunds.Count} refund events";
        }

        if (refunds.Sum(e => e.RefundAmount) != expected)
        {
            yield return $"refund events add up to {refunds.Sum(e => e.RefundAmount)}, expected {expected}";
        }

        var finals = harness.Handler.Handled.Where(e => e.Kind is OrderEventKind.Completed or OrderEventKind.Partial or OrderEventKind.Canceled).DistinctBy(e => e.DedupeKey).Count();
        if (finals != 1)
        {
            yield return $"{finals} final events";
        }
    }
}
