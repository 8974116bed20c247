using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.PackageTests;

/// <summary>
/// Fresh projects, made by <c>dotnet new</c> outside the repository, take the packed packages from a local folder
/// feed with <c>dotnet add package</c>, as a user does, and call the simulated panel.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ConsumerTests(PackedPackages packages)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_fresh_console_project_builds_against_the_packages_without_warnings_and_runs_the_quick_start()
    {
        packages.AssertPacked();
        var folder = await packages.NewConsumerAsync("Consumer.Console", "Console");

        var build = await DotNetCli.RunAsync(folder, packages.ConsumerEnvironment, Step, "build", "-c", "Release", "-warnaserror", "--disable-build-servers", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Warnings.Count == 0, build.ToString());

        var run = await DotNetCli.RunAsync(folder, packages.ConsumerEnvironment, Step, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("order 23501: Pending, balance 99.91", run.Output, StringComparison.Ordinal);
        Assert.Contains("without dependency injection: balance 99.91 USD", run.Output, StringComparison.Ordinal);
        // The host's console logger shows the runbook's phrases.
        Assert.Contains("Plugsmm API success", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_native_aot_app_publishes_with_zero_warnings_and_its_binary_calls_the_simulated_panel()
    {
        packages.AssertPacked();
        var compiler = new[] { "clang", "gcc" }.FirstOrDefault(OnPath);
        Assert.True(compiler is not null, "Native AOT links with clang or gcc, and neither is on the PATH: install one (apt-get install clang); .ci/run does.");
        var folder = await packages.NewConsumerAsync("Consumer.NativeAot", "NativeAot", "--aot");

        var publish = await DotNetCli.RunAsync(folder, packages.ConsumerEnvironment, Step, "publish", "-c", "Release", "-r", "linux-x64", "-warnaserror", "--disable-build-servers", "-nodeReuse:false", "-o", "native");
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.True(publish.Warnings.Count == 0, publish.ToString());
        Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);

        var binary = Path.Combine(folder, "native", "Consumer.NativeAot");
        Assert.True(File.Exists(binary), $"no native binary at {binary}:\n{publish}");
        var run = await DotNetCli.RunProgramAsync(binary, folder, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("ok   runs as native code", run.Output, StringComparison.Ordinal);
        Assert.Contains("checks, 0 failed", run.Output, StringComparison.Ordinal);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, program)));
}
