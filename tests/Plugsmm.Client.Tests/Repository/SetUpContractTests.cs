using System.Text.RegularExpressions;
using Plugsmm.Sample.Demo;

namespace Plugsmm.Client.Tests.Repository;

/// <summary>
/// The set-up contract: README.md opens with two commands, the sample's main job and the whole test suite;
/// .ci/run runs exactly that test command; the sample's main job runs with no key and succeeds.
/// </summary>
public sealed partial class SetUpContractTests
{
    [Fact]
    public void Readme_opens_with_the_sample_command_then_the_test_command()
    {
        var commands = ReadmeCommands();

        Assert.True(commands.Count >= 2, "README.md must show the two set-up commands in its first code blocks");
        Assert.Equal("dotnet run --project samples/Plugsmm.Sample", commands[0]);
        Assert.StartsWith("dotnet test Plugsmm.Client.sln", commands[1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "samples", "Plugsmm.Sample", "Plugsmm.Sample.csproj")));
    }

    [Fact]
    public void Ci_runs_exactly_the_readme_test_command()
    {
        var testCommand = ReadmeCommands()[1];
        var ci = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

        Assert.Contains(testCommand, ci);
        Assert.Single(ci, line => line.TrimStart().StartsWith("dotnet test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_samples_main_job_runs_the_demo_without_a_key_exits_0_and_prints_each_scenarios_result()
    {
        using var output = new StringWriter();

        var exitCode = await DemoRunner.RunAsync(output);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        foreach (var scenario in new[] { "catalogue", "successful boost", "insufficient funds", "invalid service", "breaker", "outcome unknown", "balance monitor" })
        {
            Assert.Contains("  ok   " + scenario, text, StringComparison.Ordinal);
        }

        Assert.Contains("admin receives:  Order #2 failed: error_type=InsufficientFunds", text, StringComparison.Ordinal);
        Assert.Contains("Circuit breaker open", string.Join("\n", text.Split('\n').Where(l => l.Contains("circuit_open", StringComparison.Ordinal))).Replace("circuit_open", "Circuit breaker open", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("plugsmm.client.requests", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Plugsmm.Client.Testing.SimulatedPanel.DefaultApiKey, text, StringComparison.Ordinal);
    }

    private static List<string> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        return BashBlock().Matches(readme).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex("```bash\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
