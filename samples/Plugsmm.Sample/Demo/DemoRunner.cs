using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Plugsmm.Client;
using Plugsmm.Client.Testing;
using Plugsmm.Sample.Bot;
using Plugsmm.Sample.Tracking;

namespace Plugsmm.Sample.Demo;

/// <summary>
/// The sample's main job with no key: a simulated panel on loopback, the bot wired to it, and the runbook's
/// scenarios one after another — what the user is told, what the admin receives — then the metrics.
/// </summary>
public static class DemoRunner
{
    private const string User = "user-42";

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var metrics = new MetricsRecorder();
        var panelClock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var panel = SimulatedPanel.CreateDefault(panelClock);
        var address = await panel.StartAsync(cancellationToken).ConfigureAwait(false);
        Say(output, $"Simulated Plugsmm panel on {address} (no account, no key needed).");

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPlugsmmClient(o =>
        {
            o.ApiKey = panel.ApiKey;
            o.BaseAddress = address;
            o.Resilience.Retry.MaxRetryAttempts = 2;
            o.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
            o.Resilience.CircuitBreaker.MinimumThroughput = 3;
            o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(2);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPlugsmmClient>();
        var admins = new LogAdminNotifier(NullLogger<LogAdminNotifier>.Instance);
        var users = new InMemoryMessenger();
        var database = Path.Combine(Path.GetTempPath(), $"plugsmm-demo-{Guid.NewGuid():N}.db");
        var store = OrderStore.ForFile(database);
        store.Migrate();
        var offers = new Dictionary<string, BoostOffer>
        {
            ["followers"] = new() { Name = "followers", ServiceId = 1 },
            ["likes"] = new() { Name = "likes", ServiceId = 2 },
            ["subscribers"] = new() { Name = "subscribers", ServiceId = 7 },
            ["retired"] = new() { Name = "retired", ServiceId = 99 },
        };
        var bot = new BoostBot(client, store, offers, admins, panelClock);
        var tracker = new OrderTracker(client, store, users, panelClock, NullLogger<OrderTracker>.Instance);
        var results = new List<(string Scenario, bool Passed)>();

        try
        {
            // 1. The catalogue.
            Heading(output, "1. The catalogue");
            var catalogue = await client.GetServicesAsync(cancellationToken).ConfigureAwait(false);
            output.WriteLine($"  {"id",3}  {"service",-40} {"type",-16} {"rate/1000",10} {"min",6} {"max",9}");
            foreach (var service in catalogue)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {service.Id,3}  {service.Name,-40} {service.Type,-16} {service.RatePer1000,10} {service.Min,6} {service.Max,9}"));
            }

            results.Add(("catalogue", catalogue.Count == panel.Services.Count));

            // 2. A successful boost, tracked to completion.
            Heading(output, "2. Scenario 1: a successful boost, tracked to completion");
            var reply = await bot.BoostAsync(User, "followers", "https://instagram.com/alice?ref=a b&x=1#top~", 1000, cancellationToken).ConfigureAwait(false);
            UserSees(output, reply.Text);
            var orderId = reply.OrderId!.Value;
            for (var minute = 0; minute < 20 && store.Find(orderId) is { FinalNotified: false }; minute++)
            {
                panelClock.Advance(TimeSpan.FromMinutes(1));
                await tracker.PollOnceAsync(cancellationToken).ConfigureAwait(false);
                var tracked = store.Find(orderId)!;
                var delivered = tracked.Quantity - (tracked.Remains ?? tracked.Quantity);
                output.WriteLine($"  [{new string('#', (int)(20 * delivered / tracked.Quantity)),-20}] {delivered,5}/{tracked.Quantity} {tracked.ProviderStatus}");
            }

            foreach (var (_, text) in users.Sent)
            {
                UserSees(output, text);
            }

            results.Add(("successful boost", store.Find(orderId)!.ProviderStatus == "Completed" && users.Sent.Count == 1));

            // 3. Insufficient funds.
            Heading(output, "3. Scenario 2: insufficient funds");
            panel.SetBalance(0.50m);
            var before = admins.Sent.Count;
            reply = await bot.BoostAsync(User, "subscribers", "https://youtube.com/@channel", 5000, cancellationToken).ConfigureAwait(false);
            UserSees(output, reply.Text);
            AdminReceives(output, admins, before);
            results.Add(("insufficient funds", admins.Sent.Skip(before).Any(m => m.Contains("error_type=InsufficientFunds", StringComparison.Ordinal)) && !reply.Text.Contains("fund", StringComparison.OrdinalIgnoreCase)));
            panel.SetBalance(100m);

            // 4. Invalid service id.
            Heading(output, "4. Scenario 3: an invalid service id (permanent, not retried)");
            before = admins.Sent.Count;
            var requestsBefore = panel.Requests.Count;
            reply = await bot.BoostAsync(User, "retired", "https://instagram.com/bob", 100, cancellationToken).ConfigureAwait(false);
            UserSees(output, reply.Text);
            AdminReceives(output, admins, before);
            results.Add(("invalid service", panel.Requests.Count == requestsBefore + 1 && admins.Sent.Skip(before).Any(m => m.Contains("error_type=Permanent", StringComparison.Ordinal))));

            // 5. A network failure that trips the breaker, then recovers.
            Heading(output, "5. Scenario 4: the panel fails, the breaker opens, then recovers");
            panel.Faults.AtRate(1.0, seed: 7, action: "balance", PanelFault.ServerError(503), PanelFault.Cloudflare(522));
            // Each call is retried (a read); the breaker opens once failures reach half of the recent calls.
            for (var i = 1; i <= 12 && client.CircuitState != PlugsmmCircuitState.Open; i++)
            {
                var attemptsBefore = panel.Requests.Count;
                var outcome = await AdminCommand(() => bot.BalanceAsync(cancellationToken)).ConfigureAwait(false);
                output.WriteLine($"  admin /balance #{i}: {outcome} ({panel.Requests.Count - attemptsBefore} attempts, breaker {client.CircuitState})");
            }

            var attemptsBeforeSkip = panel.Requests.Count;
            var skipped = await AdminCommand(() => bot.BalanceAsync(cancellationToken)).ConfigureAwait(false);
            output.WriteLine($"  admin /balance while open: {skipped} ({panel.Requests.Count - attemptsBeforeSkip} attempts)");
            var opened = client.CircuitState == PlugsmmCircuitState.Open;
            panel.Faults.Clear();
            output.WriteLine("  ... the panel recovers; waiting out the breaker's break (2 s in this demo, 60 s by default) ...");
            await Task.Delay(TimeSpan.FromSeconds(2.2), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var recovered = await AdminCommand(() => bot.BalanceAsync(cancellationToken)).ConfigureAwait(false);
            output.WriteLine($"  admin /balance after the break: {recovered} (breaker {client.CircuitState})");
            results.Add(("breaker", opened && client.CircuitState == PlugsmmCircuitState.Closed));

            // 6. The order whose outcome is unknown.
            Heading(output, "6. The connection drops after the panel took the order");
            panel.Faults.Next(PanelFault.DropAfterProcessing, action: "add");
            before = admins.Sent.Count;
            var ordersBefore = panel.Orders.Count;
            reply = await bot.BoostAsync(User, "likes", "https://instagram.com/p/Cx~9", 500, cancellationToken).ConfigureAwait(false);
            UserSees(output, reply.Text);
            AdminReceives(output, admins, before);
            output.WriteLine($"  panel ledger: {panel.Orders.Count - ordersBefore} order taken, {panel.Requests.Count(r => r.Action == "add" && r.Fault is not null)} add request with a fault; the bot sent it once and flagged it.");
            results.Add(("outcome unknown", panel.Orders.Count == ordersBefore + 1 && store.OutcomeUnknown().Count == 1));

            // 7. Balance monitoring.
            Heading(output, "7. Balance monitoring");
            var monitor = new BalanceMonitor(client, admins, panelClock, threshold: 150m);
            before = admins.Sent.Count;
            var balance = await monitor.CheckOnceAsync(cancellationToken).ConfigureAwait(false);
            output.WriteLine($"  balance {balance?.ToString(CultureInfo.InvariantCulture)}; threshold 150");
            AdminReceives(output, admins, before);
            results.Add(("balance monitor", admins.Sent.Count == before + 1));

            // 8. Metrics.
            Heading(output, "8. Metrics (meter Plugsmm.Client)");
            foreach (var (name, value) in metrics.Totals.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {name,-48} {value,5}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"plugsmm.client.request.duration (average)",-48} {metrics.AverageSeconds * 1000,5:0} ms"));
            output.WriteLine($"  {"plugsmm.client.circuit_breaker.state",-48} {client.CircuitState}");
        }
        finally
        {
            await panel.StopAsync(CancellationToken.None).ConfigureAwait(false);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }

        Heading(output, "Summary");
        foreach (var (scenario, passed) in results)
        {
            output.WriteLine($"  {(passed ? "ok  " : "FAIL")} {scenario}");
        }

        return results.All(r => r.Passed) ? 0 : 1;
    }

    private static async Task<string> AdminCommand(Func<Task<string>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (PlugsmmException exception)
        {
            return $"failed: error_type={exception.Kind} reason={exception.Reason} status_code={exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
        }
    }

    private static void Heading(TextWriter output, string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    private static void Say(TextWriter output, string text) => output.WriteLine(text);

    private static void UserSees(TextWriter output, string text) => output.WriteLine($"  user sees:       {text}");

    private static void AdminReceives(TextWriter output, LogAdminNotifier admins, int from)
    {
        foreach (var message in admins.Sent.Skip(from))
        {
            output.WriteLine($"  admin receives:  {message}");
        }
    }
}
