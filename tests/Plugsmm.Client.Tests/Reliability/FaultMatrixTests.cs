using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client.Testing;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>
/// Every injectable fault × every action, with the default retry policy: once (the fault hits the first attempt
/// only) and always (every attempt). Each cell checks the classification, the attempts against the panel's ledger,
/// the exception surface, and that side effects (orders, refills, cancels) happened at most once and only where the
/// client reported them or flagged the outcome unknown.
/// </summary>
public sealed class FaultMatrixTests
{
    private static readonly int MaxAttempts = 1 + new PlugsmmRetryOptions().MaxRetryAttempts;

    public static readonly string[] Actions =
        ["services", "add", "status", "status many", "refill", "refill many", "refill_status", "refill_status many", "cancel", "balance"];

    /// <summary>What one failed attempt with this fault is, whatever the action: (kind, reason).</summary>
    private static (PlugsmmErrorKind Kind, string Reason) Expected(PanelFault fault) => fault.Kind switch
    {
        PanelFaultKind.HttpStatus when fault.StatusCode == 429 => (PlugsmmErrorKind.RateLimited, "http_429"),
        // docs/errors.md: an unreadable body (plain text, a Cloudflare page) behind a 5xx is Transient, and the HTTP
        // failure is the reason (http_5xx, cloudflare_52x); invalid_json is left for an unreadable 2xx.
        PanelFaultKind.HttpStatus => (PlugsmmErrorKind.Transient, $"http_{fault.StatusCode}"),
        PanelFaultKind.CloudflareHtml => (PlugsmmErrorKind.Transient, $"cloudflare_{fault.StatusCode}"),
        PanelFaultKind.MalformedJson or PanelFaultKind.TruncatedJson or PanelFaultKind.EmptyBody => (PlugsmmErrorKind.Unknown, "invalid_json"),
        PanelFaultKind.Latency => (PlugsmmErrorKind.Transient, "timeout"),
        _ => (PlugsmmErrorKind.Transient, "connection_dropped"),
    };

    private static bool HasSideEffects(string action) => action.StartsWith("add", StringComparison.Ordinal)
        || action.StartsWith("cancel", StringComparison.Ordinal)
        || (action.StartsWith("refill", StringComparison.Ordinal) && !action.StartsWith("refill_status", StringComparison.Ordinal));

    private static string PanelAction(string action) => action.Replace(" many", string.Empty, StringComparison.Ordinal);

    [Fact]
    public async Task Every_fault_times_every_action_is_classified_counted_and_never_doubles_a_side_effect()
    {
        var cells = (from fault in PanelFault.All from action in Actions from always in new[] { false, true } select (fault, action, always)).ToList();
        var outcomes = await Task.WhenAll(cells.Select(c => Task.Run(() => RunCellAsync(c.fault, c.action, c.always))));

        var failures = outcomes.Where(o => o.Problems.Count > 0).Select(o => $"{o.Name}: {string.Join("; ", o.Problems)}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {outcomes.Length} cells failed:\n" + string.Join("\n", failures));
        Assert.Equal(PanelFault.All.Count * Actions.Length * 2, outcomes.Length);

        WriteFigures(outcomes);
    }

    private static async Task<CellOutcome> RunCellAsync(PanelFault fault, string action, bool always)
    {
        var name = $"{fault} × {action} × {(always ? "always" : "once")}";
        var problems = new List<string>();
        var time = new FakeClock();
        await using var panel = SimulatedPanel.CreateDefault(time);
        panel.SetBalance(1_000_000m);
        var client = panel.CreateClient(o => o.Resilience.Retry.UseJitter = false);

        // Set-up without faults: two orders completed (refillable), a refill, two orders still running (cancellable).
        var done1 = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/done1", Quantity = 100 });
        var done2 = await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/done2", Quantity = 100 });
        time.Advance(TimeSpan.FromMinutes(5));
        var refill = await client.RefillOrderAsync(done1);
        var run1 = await client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/run1", Quantity = 10_000 });
        var run2 = await client.AddOrderAsync(new DefaultOrder { ServiceId = 2, Link = "https://instagram.com/run2", Quantity = 10_000 });
        var requestsBefore = panel.Requests.Count;
        var ordersBefore = panel.Orders.Count;

        panel.Faults.Next(fault, PanelAction(action), always ? 1_000 : 1);
        Task<object> call = action switch
        {
            "services" => Box(client.GetServicesAsync()),
            "add" => Box(client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/matrix", Quantity = 100 })),
            "status" => Box(client.GetOrderStatusAsync(done1)),
            "status many" => Box(client.GetOrderStatusesAsync([done1, run1])),
            "refill" => Box(client.RefillOrderAsync(done2)),
            "refill many" => Box(client.RefillOrdersAsync([done1, done2])),
            "refill_status" => Box(client.GetRefillStatusAsync(refill)),
            "refill_status many" => Box(client.GetRefillStatusesAsync([refill])),
            "cancel" => Box(client.CancelOrdersAsync([run1, run2])),
            "balance" => Box(client.GetBalanceAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        await FakeTime.DriveAsync(time, call, TimeSpan.FromSeconds(1), maxSteps: 2_000);

        object? result = null;
        Exception? thrown = null;
        try
        {
            result = await call;
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        var requests = panel.Requests.Skip(requestsBefore).ToList();
        var processed = requests.Count(r => r.Processed);
        var created = panel.Orders.Count - ordersBefore;
        var sideEffects = HasSideEffects(action);
        var (kind, reason) = Expected(fault);
        // Side effects are retried only when the panel certainly did not carry them out (a 429); calls without side
        // effects retry transient and rate-limited failures and timeouts. "Unknown" is never retried.
        var retriedByPolicy = sideEffects ? kind == PlugsmmErrorKind.RateLimited : kind is PlugsmmErrorKind.Transient or PlugsmmErrorKind.RateLimited;

        var expectedAttempts = !retriedByPolicy ? 1 : always ? MaxAttempts : 2;
        var expectSuccess = retriedByPolicy && !always;
        void Check(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }

        Check(requests.All(r => r.Action == PanelAction(action)), "a request of another action was sent");
        Check(requests.Count == expectedAttempts, $"{requests.Count} requests reached the panel, expected {expectedAttempts}");
        Check(requests[0].Fault == fault, "the first request did not carry the fault");
        var pe = thrown as PlugsmmException;
        Check(thrown is null || pe is not null, $"escaped as {thrown?.GetType().Name}: {thrown?.Message}");
        if (expectSuccess)
        {
            Check(thrown is null, $"expected success after a retry, got {pe?.Kind}/{pe?.Reason}");
        }
        else if (pe is null)
        {
            Check(false, "expected a PlugsmmException, the call succeeded");
        }
        else
        {
            Check(pe.Kind == kind && pe.Reason == reason, $"classified {pe.Kind}/{pe.Reason}, expected {kind}/{reason}");
            Check(pe.Attempts == requests.Count, $"Attempts = {pe.Attempts}, the ledger has {requests.Count}");
            Check(pe.Action == PanelAction(action), $"Action = {pe.Action}");
            Check(pe.OutcomeUnknown == (sideEffects && kind != PlugsmmErrorKind.RateLimited), $"OutcomeUnknown = {pe.OutcomeUnknown}");
            // Whenever the panel may have carried it out, the client says so.
            Check(processed == 0 || !sideEffects || pe.OutcomeUnknown, "the panel carried out a side effect the client reported as failed");
        }

        if (sideEffects)
        {
            Check(processed <= 1, $"the side effect was carried out {processed} times");
        }

        var reportedCreated = action == "add" && result is long ? 1 : 0;
        var unknown = action == "add" && pe?.OutcomeUnknown == true ? 1 : 0;
        if (action == "add")
        {
            // Orders created = orders reported created + (those flagged unknown that the panel took); none lost, none doubled.
            Check(created >= reportedCreated && created <= reportedCreated + unknown, $"created {created}, reported {reportedCreated}, unknown {unknown}");
            Check(result is not long id || panel.Orders[^1].Id == id, "the reported order id is not the panel's");
        }
        else
        {
            Check(created == 0, $"{created} orders created by {action}");
        }

        if (action == "cancel")
        {
            var canceled = panel.Orders.Count(o => o.Id == run1 || o.Id == run2 ? o.CanceledAt is not null : false);
            Check(canceled == (processed > 0 ? 2 : 0), $"{canceled} orders canceled, {processed} cancels carried out");
            Check(result is null || ((IReadOnlyList<ItemResult<bool>>)result).All(r => r.IsSuccess && r.Value), "the cancel was not reported accepted");
        }

        if (action == "balance" && result is Balance balance)
        {
            Check(balance.Amount == panel.Balance, "the balance read is not the panel's");
        }

        return new CellOutcome(name, fault.ToString(), action, always, problems, thrown is null ? "ok" : $"{pe?.Kind}/{pe?.Reason}", requests.Count, processed, created, reportedCreated, pe?.OutcomeUnknown == true);
    }

    private static async Task<object> Box<T>(Task<T> task) => (await task.ConfigureAwait(false))!;

    private static void WriteFigures(CellOutcome[] outcomes)
    {
        var md = new StringBuilder();
        md.AppendLine("## 1. Fault matrix (simulated panel, default retry policy)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{outcomes.Length} cells: {PanelFault.All.Count} faults × {Actions.Length} actions × 2 modes (the fault on the first attempt only / on every attempt). Each cell: outcome, requests the panel received, side effects carried out. `ok (n)` = succeeded after n requests; otherwise `Kind/Reason (n)`, `†` = flagged `OutcomeUnknown`.");
        md.AppendLine();
        md.AppendLine("| fault | mode | " + string.Join(" | ", Actions) + " |");
        md.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", Actions.Length)));
        foreach (var row in outcomes.GroupBy(o => (o.Fault, o.Always)))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {row.Key.Fault} | {(row.Key.Always ? "always" : "once")} |");
            foreach (var action in Actions)
            {
                var cell = row.Single(o => o.Action == action);
                md.Append(CultureInfo.InvariantCulture, $" {cell.Result} ({cell.Requests}){(cell.Unknown ? " †" : string.Empty)} |");
            }

            md.AppendLine();
        }

        var adds = outcomes.Where(o => o.Action == "add").ToList();
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Cells failing an assertion: **{outcomes.Count(o => o.Problems.Count > 0)}**. Escapes (exceptions other than `PlugsmmException`): **0**. Side effects carried out twice: **0**. `add` cells: orders created {adds.Sum(o => o.Created)} = reported created {adds.Sum(o => o.Reported)} + unknown outcomes that the panel took {adds.Count(o => o.Unknown && o.Created > 0)} ({adds.Count(o => o.Unknown)} flagged unknown in all).");
        Figures.Write("10-fault-matrix", new JsonObject
        {
            ["cells"] = outcomes.Length,
            ["faults"] = PanelFault.All.Count,
            ["actions"] = Actions.Length,
            ["failed_cells"] = outcomes.Count(o => o.Problems.Count > 0),
            ["escapes"] = 0,
            ["doubled_side_effects"] = outcomes.Count(o => HasSideEffects(o.Action) && o.Processed > 1),
            ["requests"] = outcomes.Sum(o => o.Requests),
            ["add_orders_created"] = adds.Sum(o => o.Created),
            ["add_orders_reported"] = adds.Sum(o => o.Reported),
            ["add_outcome_unknown"] = adds.Count(o => o.Unknown),
        }, md.ToString());
    }

    private sealed record CellOutcome(string Name, string Fault, string Action, bool Always, List<string> Problems, string Result, int Requests, int Processed, int Created, int Reported, bool Unknown);
}
