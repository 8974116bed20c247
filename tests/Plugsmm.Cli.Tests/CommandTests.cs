using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Cli.Tests;

/// <summary>Every command against the simulated panel on loopback: what it prints, what reaches the panel, its exit code.</summary>
[Trait("Category", "Cli")]
public sealed class CommandTests(Simulator panel) : IClassFixture<Simulator>
{
    [Fact]
    public async Task Json_output_is_one_document_on_stdout_even_with_the_legacy_encoding_warning_on_stderr()
    {
        var environment = panel.Environment(("PLUGSMM_USE_NEW_API", "false"));

        foreach (var args in new[] { new[] { "services", "--json" }, ["balance", "--json"], ["status", "1", "--json"] })
        {
            var run = await Tool.RunAsync(args, environment);

            Assert.True(run.ExitCode is 0 or 4, run.ToString());
            using var document = JsonDocument.Parse(run.Stdout);
            Assert.Contains("legacy adapter", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("legacy", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Services_and_balance_print_plain_rows_when_redirected_and_json_on_request()
    {
        var services = await panel.RunAsync("services");
        var json = await panel.RunAsync("services", "--json");
        var balance = await panel.RunAsync("balance");

        Assert.True(services.ExitCode == 0, services.ToString());
        Assert.StartsWith("service\tname\ttype\tcategory\trate\tmin\tmax\trefill\tcancel\tdripfeed\n", services.Stdout, StringComparison.Ordinal);
        Assert.Contains("1\tInstagram Followers [Real, Refill 30d]\tDefault\tInstagram Followers\t0.90\t50\t10000\ttrue\ttrue\t", services.Stdout, StringComparison.Ordinal);
        Assert.Equal(7, JsonDocument.Parse(json.Stdout).RootElement.GetArrayLength());
        Assert.Equal("balance\tcurrency\n", balance.Stdout[..17]);
        Assert.Equal(string.Empty, services.Stderr + balance.Stderr);
    }

    [Fact]
    public async Task An_order_of_each_shape_reaches_the_panel_as_its_fields()
    {
        var comments = Path.GetTempFileName();
        await File.WriteAllTextAsync(comments, "Nice!\n\nGreat, really\n");
        try
        {
            var plain = await panel.RunAsync("add", "default", "--service", "1", "--link", "https://instagram.com/cli?a=1&b=~", "--quantity", "100", "--json");
            var custom = await panel.RunAsync("add", "custom-comments", "--service", "4", "--link", "https://instagram.com/p/1", "--comments-file", comments);
            var subscription = await panel.RunAsync("add", "subscriptions", "--service", "6", "--username", "alice", "--min", "50", "--max", "100", "--expiry", "31/12/2026", "--json");

            Assert.True(plain.ExitCode == 0, plain.ToString());
            Assert.True(custom.ExitCode == 0, custom.ToString());
            Assert.True(subscription.ExitCode == 0, subscription.ToString());
            var orders = panel.LedgerLines().Where(l => l.GetProperty("action").GetString() == "add" && l.TryGetProperty("order", out _)).ToList();
            var placed = JsonDocument.Parse(plain.Stdout).RootElement.GetProperty("order").GetInt64();
            var first = Assert.Single(orders, o => o.GetProperty("order").GetProperty("id").GetInt64() == placed);
            Assert.Equal("https://instagram.com/cli?a=1&b=~", first.GetProperty("fields").GetProperty("link").GetString());
            Assert.Equal(100, first.GetProperty("order").GetProperty("quantity").GetInt64());
            Assert.Equal("***", first.GetProperty("fields").GetProperty("key").GetString());
            Assert.Single(orders, o => o.GetProperty("fields").TryGetProperty("comments", out var c) && c.GetString() == "Nice!\nGreat, really");
            var subscribed = JsonDocument.Parse(subscription.Stdout).RootElement.GetProperty("order").GetInt64();
            var sub = Assert.Single(orders, o => o.GetProperty("order").GetProperty("id").GetInt64() == subscribed);
            Assert.Equal("31/12/2026", sub.GetProperty("fields").GetProperty("expiry").GetString());
            Assert.Equal("alice", sub.GetProperty("fields").GetProperty("username").GetString());
        }
        finally
        {
            File.Delete(comments);
        }
    }

    [Fact]
    public async Task Two_hundred_fifty_ids_from_stdin_become_three_requests_and_one_json_array()
    {
        var ids = string.Join('\n', Enumerable.Range(0, 250).Select(i => (5_000_000_000L + i).ToString(CultureInfo.InvariantCulture))) + "\n";
        var before = panel.LedgerLines().Count;

        var run = await Tool.RunAsync(["status", "-", "--json"], panel.Environment(), stdin: ids);

        Assert.True(run.ExitCode == 4, run.ToString());
        var requests = panel.LedgerLines().Skip(before).ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("status", r.GetProperty("action").GetString()));
        Assert.Equal([100, 100, 50], requests.Select(r => r.GetProperty("fields").GetProperty("orders").GetString()!.Split(',').Length));
        var items = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(250, items.Count);
        Assert.Equal(5_000_000_000L, items[0].GetProperty("order").GetInt64());
        Assert.All(items, i => Assert.Equal("Incorrect order ID", i.GetProperty("error").GetString()));
        Assert.Equal("plugsmm: status: 250 of 250 ids failed (see their error).", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task A_hundred_thousand_and_one_ids_from_stdin_become_1001_requests_and_every_item()
    {
        var ids = string.Join('\n', Enumerable.Range(0, 100_001).Select(i => (7_000_000_000L + i).ToString(CultureInfo.InvariantCulture))) + "\n";
        var before = panel.LedgerLines().Count;

        var run = await Tool.RunAsync(["cancel", "-", "--json"], panel.Environment(), stdin: ids);

        Assert.True(run.ExitCode == 4, run.ToString());
        var requests = panel.LedgerLines().Skip(before).ToList();
        Assert.Equal(1001, requests.Count);
        Assert.Equal(100_001, requests.Sum(r => r.GetProperty("fields").GetProperty("orders").GetString()!.Split(',').Length));
        var items = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().Select(i => i.GetProperty("order").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, 100_001).Select(i => 7_000_000_000L + i), items);
    }

    [Fact]
    public async Task A_service_id_above_two_to_the_31_is_sent_whole()
    {
        var run = await panel.RunAsync("add", "default", "--service", "3000000000", "--link", "https://t.me/big", "--quantity", "100", "--dry-run", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("3000000000", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("fields").GetProperty("service").GetString());
    }

    [Fact]
    public async Task Ids_above_two_to_the_31_are_accepted_and_sent_whole()
    {
        var before = panel.LedgerLines().Count;

        var run = await panel.RunAsync("refill-status", "3000000000", "9223372036854775807", "--json");

        Assert.True(run.ExitCode == 4, run.ToString());
        var request = Assert.Single(panel.LedgerLines().Skip(before));
        Assert.Equal("3000000000,9223372036854775807", request.GetProperty("fields").GetProperty("refills").GetString());
        Assert.Equal([3000000000L, long.MaxValue], JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().Select(i => i.GetProperty("refill").GetInt64()));
    }

    [Fact]
    public async Task Status_refill_and_cancel_report_each_id_and_exit_4_when_some_failed()
    {
        var added = await panel.RunAsync("add", "default", "--service", "2", "--link", "https://instagram.com/many", "--quantity", "100", "--json");
        var order = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("order").GetInt64().ToString(CultureInfo.InvariantCulture);
        var ids = Path.GetTempFileName();
        await File.WriteAllTextAsync(ids, order + "\n");
        try
        {
            var ok = await panel.RunAsync("status", "@" + ids);
            var status = await panel.RunAsync("status", order + ",5", "--json");
            var refill = await panel.RunAsync("refill", order);
            var cancel = await panel.RunAsync("cancel", order, "77", "--json");

            Assert.True(ok.ExitCode == 0, ok.ToString());
            Assert.Contains(order + "\ttrue\tPending\t", ok.Stdout, StringComparison.Ordinal);
            Assert.Equal((4, 4, 4), (status.ExitCode, refill.ExitCode, cancel.ExitCode));
            var statuses = JsonDocument.Parse(status.Stdout).RootElement;
            Assert.Equal("Pending", statuses[0].GetProperty("status").GetString());
            Assert.Equal("Incorrect order ID", statuses[1].GetProperty("error").GetString());
            Assert.Contains("Order not eligible for refill.", refill.Stdout, StringComparison.Ordinal);
            var cancels = JsonDocument.Parse(cancel.Stdout).RootElement;
            Assert.True(cancels[0].GetProperty("cancel").GetBoolean());
            Assert.False(cancels[1].GetProperty("ok").GetBoolean());
            Assert.Single(status.StderrLines);
            Assert.DoesNotContain(Simulator.Key, ok.Stdout + status.Stdout + refill.Stdout + cancel.Stdout + cancel.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(ids);
        }
    }
}
