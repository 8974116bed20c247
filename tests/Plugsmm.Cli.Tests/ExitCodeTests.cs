using System.Text.Json;

namespace Plugsmm.Cli.Tests;

/// <summary>Exit 2: the call failed with a known outcome, one line on stderr with its kind, nothing on stdout.</summary>
[Trait("Category", "Cli")]
public sealed class FailedCallExitCodeTests(BrokePanel panel) : IClassFixture<BrokePanel>
{
    [Fact]
    public async Task A_refused_order_exits_2_with_one_line_naming_its_kind_and_no_order_is_placed()
    {
        var run = await panel.RunAsync("add", "default", "--service", "1", "--link", "https://x.com/a", "--quantity", "100", "--json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains("add failed:", line, StringComparison.Ordinal);
        Assert.Contains("kind=InsufficientFunds reason=insufficient_funds status=200", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Key, run.Stderr, StringComparison.Ordinal);
        var request = Assert.Single(panel.LedgerLines());
        Assert.Equal("Not enough funds on balance", request.GetProperty("error").GetString());
        Assert.False(request.TryGetProperty("order", out _));
        Assert.Equal(0m, request.GetProperty("balance").GetDecimal());
    }
}

/// <summary>Exit 3: the order was sent and the connection dropped: the panel took it, the tool says to check before retrying.</summary>
[Trait("Category", "Cli")]
public sealed class OutcomeUnknownExitCodeTests(DroppingPanel panel) : IClassFixture<DroppingPanel>
{
    [Fact]
    public async Task An_order_whose_answer_never_came_exits_3_and_the_ledger_shows_the_panel_took_it_once()
    {
        var run = await panel.RunAsync("add", "default", "--service", "1", "--link", "https://x.com/dropped", "--quantity", "100");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.Contains("outcome unknown", line, StringComparison.Ordinal);
        Assert.Contains("check before retrying", line, StringComparison.Ordinal);
        var request = Assert.Single(panel.LedgerLines());
        Assert.True(request.GetProperty("processed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("status").ValueKind);
        Assert.Equal("DropAfterProcessing", request.GetProperty("fault").GetString());
        Assert.Equal("https://x.com/dropped", request.GetProperty("order").GetProperty("link").GetString());
    }
}

/// <summary>The rate limit: a request over it gets HTTP 429 with Retry-After, is not carried out, and the tool exits 2.</summary>
[Trait("Category", "Cli")]
public sealed class RateLimitExitCodeTests(RateLimitedPanel panel) : IClassFixture<RateLimitedPanel>
{
    [Fact]
    public async Task Over_the_rate_limit_the_panel_answers_429_and_the_tool_exits_2_as_rate_limited()
    {
        var environment = panel.Environment(("Plugsmm__Resilience__Retry__MaxRetryAttempts", "0"));

        var first = await Tool.RunAsync(["balance"], environment);
        var second = await Tool.RunAsync(["balance", "--json"], environment);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Equal(string.Empty, second.Stdout);
        Assert.Contains("kind=RateLimited reason=http_429 status=429", Assert.Single(second.StderrLines), StringComparison.Ordinal);
        var refused = panel.LedgerLines()[1];
        Assert.Equal(429, refused.GetProperty("status").GetInt32());
        Assert.False(refused.GetProperty("processed").GetBoolean());
        Assert.StartsWith("HttpStatus 429", refused.GetProperty("fault").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Exit 3 over many ids: cancels sent without an answer are each marked outcome_unknown, never reported as failed for sure.</summary>
[Trait("Category", "Cli")]
public sealed class ManyIdsOutcomeUnknownExitCodeTests(DroppingCancelPanel panel) : IClassFixture<DroppingCancelPanel>
{
    [Fact]
    public async Task Cancels_whose_answers_never_came_exit_3_with_every_id_marked_outcome_unknown()
    {
        var ids = string.Join(',', Enumerable.Range(1, 150));

        var many = await panel.RunAsync("cancel", ids, "--json");
        var one = await panel.RunAsync("cancel", "7");

        Assert.True(many.ExitCode == 3, many.ToString());
        var items = JsonDocument.Parse(many.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(150, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("outcome_unknown").GetBoolean()));
        Assert.Contains("outcome unknown for 150 of 150 ids", Assert.Single(many.StderrLines), StringComparison.Ordinal);
        Assert.True(one.ExitCode == 3, one.ToString());
        Assert.Contains("cancel: outcome unknown", Assert.Single(one.StderrLines), StringComparison.Ordinal);
        Assert.Equal(3, panel.LedgerLines().Count(l => l.GetProperty("processed").GetBoolean()));
    }
}
