using System.Text.Json;

namespace Plugsmm.Cli.Tests;

/// <summary>
/// The safety rules: help anywhere, a bad flag, value, date, file or id, a missing key, a key on the command line, a
/// dry run: each sends nothing (the simulated panel's ledger stays as it was, its balance with it).
/// </summary>
[Trait("Category", "Cli")]
public sealed class SafetyTests(Simulator panel) : IClassFixture<Simulator>
{
    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["balance", "--base-url"], "'--base-url'" },
        { ["balance", "--frobnicate"], "'--frobnicate'" },
        { ["frobnicate"], "'frobnicate'" },
        { ["add", "default", "--service", "1", "--link", "https://x.com/a", "--quantity", "abc"], "--quantity: 'abc'" },
        { ["add", "default", "--service", "1", "--link", "https://x.com/a", "--quantity", "100", "--runs"], "'--runs'" },
        { ["add", "default", "--service", "99999999999999999999", "--link", "https://x.com/a", "--quantity", "100"], "--service: '99999999999999999999'" },
        { ["add", "default", "--link", "https://x.com/a", "--quantity", "100"], "'--service'" },
        { ["add", "subscriptions", "--service", "6", "--username", "bob", "--min", "50", "--max", "100", "--expiry", "31/13/2026"], "--expiry: '31/13/2026'" },
        { ["add", "subscriptions", "--service", "6", "--username", "bob", "--min", "50", "--max", "100", "--delay", "7"], "--delay: SubscriptionsOrder.Delay" },
        { ["add", "default", "--service", "1", "--link", "two\nlines", "--quantity", "100"], "--link: DefaultOrder.Link" },
        { ["add", "custom-comments", "--service", "4", "--link", "https://x.com/p", "--comments-file", "/nonexistent/comments.txt"], "--comments-file: cannot read '/nonexistent/comments.txt'" },
        { ["add", "frobnicate", "--service", "1"], "'frobnicate'" },
        { ["status", "12x"], "'12x'" },
        { ["status", "1,-2"], "'-2'" },
        { ["status"], "no order ids given" },
        { ["cancel", "@/nonexistent/ids.txt"], "'/nonexistent/ids.txt'" },
        { ["simulate", "--port", "70000"], "--port: '70000'" },
        { ["simulate", "--fault", "drop-after"], "--fault-rate" },
        { ["simulate", "--fault-rate", "1", "--fault", "meteor"], "--fault: 'meteor'" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Bad_usage_prints_one_line_naming_it_exits_64_and_sends_nothing(string[] args, string named)
    {
        var before = panel.LedgerLines().Count;

        var run = await panel.RunAsync(args);

        Assert.True(run.ExitCode == 64, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("plugsmm: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Equal(before, panel.LedgerLines().Count);
    }

    public static TheoryData<string[]> HelpEverywhere() => new()
    {
        { ["--help"] },
        { ["-h"] },
        { ["services", "--help"] },
        { ["balance", "-h"] },
        { ["add", "--help"] },
        { ["add", "default", "--service", "1", "--link", "https://x.com/a", "--quantity", "100", "--help"] },
        { ["add", "default", "--help", "--service", "1", "--link", "https://x.com/a", "--quantity", "100"] },
        { ["add", "subscriptions", "-h"] },
        { ["status", "1", "2", "--help"] },
        { ["refill", "1", "-h"] },
        { ["cancel", "1,2", "--help"] },
        { ["simulate", "--help"] },
    };

    [Theory]
    [MemberData(nameof(HelpEverywhere))]
    public async Task Help_anywhere_prints_help_exits_0_and_sends_nothing(string[] args)
    {
        var before = panel.LedgerLines().Count;

        var run = await panel.RunAsync(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("plugsmm", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, panel.LedgerLines().Count);
    }

    [Fact]
    public async Task A_dry_run_prints_the_exact_fields_with_the_key_masked_and_sends_nothing()
    {
        var before = panel.LedgerLines().Count;

        var run = await panel.RunAsync("add", "default", "--service", "1", "--link", "https://instagram.com/p/a?x=1&y=~", "--quantity", "100", "--runs", "2", "--interval", "30", "--dry-run", "--json");
        var withoutKey = await Tool.RunAsync(["add", "package", "--service", "5", "--link", "https://t.me/c", "--dry-run"], panel.Environment(("PLUGSMMS_API_KEY", null)));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.True(document.RootElement.GetProperty("dry_run").GetBoolean());
        Assert.Equal(panel.Address.ToString(), document.RootElement.GetProperty("url").GetString());
        var fields = document.RootElement.GetProperty("fields").EnumerateObject().Select(f => (f.Name, f.Value.GetString())).ToList();
        Assert.Equal(
            [("key", "***"), ("action", "add"), ("service", "1"), ("link", "https://instagram.com/p/a?x=1&y=~"), ("quantity", "100"), ("runs", "2"), ("interval", "30")],
            fields);
        Assert.DoesNotContain(Simulator.Key, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.True(withoutKey.ExitCode == 0, withoutKey.ToString());
        Assert.Contains("key\t***", withoutKey.Stdout, StringComparison.Ordinal);
        Assert.Contains("nothing sent", withoutKey.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, panel.LedgerLines().Count);
        var balance = await panel.RunAsync("balance", "--json");
        Assert.Equal(100m, JsonDocument.Parse(balance.Stdout).RootElement.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Without_a_key_a_command_exits_64_and_sends_nothing()
    {
        var before = panel.LedgerLines().Count;

        var run = await Tool.RunAsync(["add", "default", "--service", "1", "--link", "https://x.com/a", "--quantity", "100"], panel.Environment(("PLUGSMMS_API_KEY", null)));

        Assert.True(run.ExitCode == 64, run.ToString());
        Assert.Contains("PLUGSMMS_API_KEY", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal(before, panel.LedgerLines().Count);
    }

    [Fact]
    public async Task A_key_on_the_command_line_is_refused_without_being_echoed_and_nothing_is_sent()
    {
        var before = panel.LedgerLines().Count;

        var run = await panel.RunAsync("balance", "--key", "my-real-secret-key-42");
        var inline = await panel.RunAsync("balance", "--api-key=my-real-secret-key-42");

        foreach (var refused in new[] { run, inline })
        {
            Assert.True(refused.ExitCode == 64, refused.ToString());
            var line = Assert.Single(refused.StderrLines);
            Assert.Contains("PLUGSMMS_API_KEY", line, StringComparison.Ordinal);
            Assert.DoesNotContain("my-real-secret-key-42", line, StringComparison.Ordinal);
        }

        Assert.Equal(before, panel.LedgerLines().Count);
    }

    [Fact]
    public async Task The_key_comes_from_a_key_file_flag_or_variable_and_is_never_printed()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Simulator.Key + "\n");
        try
        {
            var flag = await Tool.RunAsync(["balance", "--key-file", file, "--json"], panel.Environment(("PLUGSMMS_API_KEY", null)));
            var variable = await Tool.RunAsync(["balance", "--json"], panel.Environment(("PLUGSMMS_API_KEY", null), ("PLUGSMMS_API_KEY_FILE", file)));

            foreach (var run in new[] { flag, variable })
            {
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Equal(100m, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("balance").GetDecimal());
                Assert.DoesNotContain(Simulator.Key, run.Stdout + run.Stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
