using System.Text.Json;

namespace Plugsmm.Cli.Tests;

/// <summary>Where the tool sends: the production panel by default, --base-url or PLUGSMM_BASE_URL otherwise, never a key over plain http to a remote host.</summary>
[Trait("Category", "Cli")]
public sealed class EndpointTests(Simulator panel) : IClassFixture<Simulator>
{
    [Fact]
    public async Task The_production_panel_is_the_default_and_base_url_or_its_variable_changes_it()
    {
        var order = new[] { "add", "package", "--service", "5", "--link", "https://t.me/c", "--dry-run", "--json" };

        var byDefault = await Tool.RunAsync(order, new Dictionary<string, string?> { ["PLUGSMMS_API_KEY"] = "k" });
        var byVariable = await Tool.RunAsync(order, new Dictionary<string, string?> { ["PLUGSMMS_API_KEY"] = "k", ["PLUGSMM_BASE_URL"] = "https://panel.example/api/v2" });
        var byFlag = await Tool.RunAsync([.. order, "--base-url", "https://other.example/api/v2"], new Dictionary<string, string?> { ["PLUGSMMS_API_KEY"] = "k", ["PLUGSMM_BASE_URL"] = "https://panel.example/api/v2" });

        Assert.Equal("https://plugsmmservice.com/api/v2", Url(byDefault));
        Assert.Equal("https://panel.example/api/v2", Url(byVariable));
        Assert.Equal("https://other.example/api/v2", Url(byFlag));
    }

    [Theory]
    [InlineData("--base-url", "http://example.com/api/v2", "plain http")]
    [InlineData("--base-url", "ftp://example.com/api/v2", "--base-url: 'ftp://example.com/api/v2'")]
    [InlineData("PLUGSMM_BASE_URL", "not a url", "PLUGSMM_BASE_URL: 'not a url'")]
    [InlineData("PLUGSMM_USE_NEW_API", "maybe", "PLUGSMM_USE_NEW_API")]
    public async Task A_bad_endpoint_or_setting_exits_64_with_one_line_and_sends_nothing(string where, string value, string named)
    {
        var before = panel.LedgerLines().Count;

        var run = where.StartsWith("--", StringComparison.Ordinal)
            ? await Tool.RunAsync(["balance", where, value], panel.Environment())
            : await Tool.RunAsync(["balance"], panel.Environment((where, value)));

        Assert.True(run.ExitCode == 64, run.ToString());
        Assert.Contains(named, Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal(before, panel.LedgerLines().Count);
    }

    [Fact]
    public async Task Verbose_shows_the_clients_logs_on_stderr_and_json_stays_alone_on_stdout()
    {
        var run = await panel.RunAsync("balance", "--json", "--verbose");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(100m, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("balance").GetDecimal());
        Assert.Contains("plugsmm: info: Plugsmm API request action=balance", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Simulator.Key, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    private static string? Url(ToolRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("url").GetString();
    }
}
