using System.Diagnostics;
using System.Text.Json;

namespace Plugsmm.Client.PackageTests;

/// <summary>
/// docs/getting-started.md followed as written, on packages from a local folder: the <c>plugsmm</c> tool installs from
/// the packed <c>Plugsmm.Cli</c> with <c>dotnet tool install</c>, its <c>simulate</c> serves a panel on loopback, the
/// installed tool reads that panel's balance, and the quick start, pointed at it by two environment variables, places
/// its order there.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ToolTests(PackedPackages packages)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_the_quick_start_runs_against_its_simulated_panel()
    {
        packages.AssertPacked();
        var tools = Path.Combine(packages.Root, "tools");
        var folder = Path.Combine(packages.Root, "ToolInstall");
        Directory.CreateDirectory(folder);
        packages.WriteNuGetConfig(folder);

        var install = await DotNetCli.RunAsync(folder, packages.ConsumerEnvironment, Step, "tool", "install", "Plugsmm.Cli", "--tool-path", tools, "--version", packages.Version);
        Assert.True(install.ExitCode == 0, install.ToString());
        var plugsmm = Path.Combine(tools, "plugsmm");
        Assert.True(File.Exists(plugsmm), $"no plugsmm in {tools}:\n{install}");

        using var simulate = Process.Start(new ProcessStartInfo(plugsmm, ["simulate", "--port", "0"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        try
        {
            var (address, key) = await ReadyAsync(simulate);
            var panel = new Dictionary<string, string> { ["PLUGSMMS_API_KEY"] = key, ["PLUGSMM_BASE_URL"] = address };

            var balance = await DotNetCli.RunProgramAsync(plugsmm, folder, Step, panel, "balance", "--json");
            Assert.True(balance.ExitCode == 0, balance.ToString());
            using (var json = JsonDocument.Parse(balance.Output[..balance.Output.LastIndexOf('}')].TrimEnd() + "}"))
            {
                Assert.Equal(100m, json.RootElement.GetProperty("balance").GetDecimal());
            }

            var app = await packages.NewConsumerAsync("Consumer.QuickStart", "QuickStart");
            var build = await DotNetCli.RunAsync(app, packages.ConsumerEnvironment, Step, "build", "-c", "Release", "-warnaserror", "--disable-build-servers", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, build.ToString());
            var run = await DotNetCli.RunAsync(app, new Dictionary<string, string>(packages.ConsumerEnvironment) { ["PLUGSMMS_API_KEY"] = key, ["Plugsmm__BaseAddress"] = address }, Step, "run", "-c", "Release", "--no-build");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("order 23501: Pending, balance 99.91", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            simulate.Kill(entireProcessTree: true);
            await simulate.WaitForExitAsync();
        }
    }

    /// <summary>The address and key <c>plugsmm simulate</c> prints when it is ready.</summary>
    private static async Task<(string Address, string Key)> ReadyAsync(Process simulate)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string? address = null;
        while (await simulate.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            if (line.StartsWith("Listening on ", StringComparison.Ordinal))
            {
                address = line["Listening on ".Length..];
            }
            else if (line.StartsWith("API key: ", StringComparison.Ordinal) && address is not null)
            {
                return (address, line["API key: ".Length..]);
            }
        }

        Assert.Fail($"plugsmm simulate ended before it was ready: {await simulate.StandardError.ReadToEndAsync()}");
        return default;
    }
}
