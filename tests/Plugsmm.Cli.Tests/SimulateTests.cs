using System.Text.Json;

namespace Plugsmm.Cli.Tests;

/// <summary><c>plugsmm simulate</c> itself: the key it accepts, its balance, and a clean stop on Ctrl+C with its ledger complete.</summary>
[Trait("Category", "Cli")]
public sealed class SimulateTests(KeyedPanel panel) : IClassFixture<KeyedPanel>
{
    [Fact]
    public async Task It_prints_the_key_it_accepts_takes_only_that_key_and_stops_cleanly_on_ctrl_c()
    {
        var balance = await Tool.RunAsync(["balance", "--json"], panel.Environment(("PLUGSMMS_API_KEY", KeyedPanel.OwnKey)));
        var wrongKey = await panel.RunAsync("balance");

        Assert.Contains($"Listening on {panel.Address}", panel.Printed, StringComparison.Ordinal);
        Assert.Contains($"API key: {KeyedPanel.OwnKey}", panel.Printed, StringComparison.Ordinal);
        Assert.Contains($"Ledger: {panel.Ledger}", panel.Printed, StringComparison.Ordinal);
        Assert.True(balance.ExitCode == 0, balance.ToString());
        Assert.Equal(12.5m, JsonDocument.Parse(balance.Stdout).RootElement.GetProperty("balance").GetDecimal());
        Assert.True(wrongKey.ExitCode == 2, wrongKey.ToString());
        Assert.Contains("reason=invalid_api_key", wrongKey.Stderr, StringComparison.Ordinal);
        if (OperatingSystem.IsWindows())
        {
            return; // No SIGINT to send: the stop is covered where signals exist.
        }

        var exit = await panel.InterruptAsync();

        Assert.Equal(0, exit);
        Assert.Contains("Stopped.", panel.Printed, StringComparison.Ordinal);
        Assert.Equal(2, panel.LedgerLines().Count);
    }
}
