using System.Xml.Linq;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.PackageTests;

/// <summary>
/// Packs Plugsmm.Client, Plugsmm.Client.Testing and the Plugsmm.Cli tool once for all package tests, as CI does
/// (<c>ContinuousIntegrationBuild</c>), into a local folder feed under a temporary folder outside the repository.
/// The build happens in its own artifacts folder (under the repository's ignored artifacts/, so that the symbols map
/// its generated sources to /_/ too), and never touches the projects' bin/ and obj/.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public static readonly string[] Ids = ["Plugsmm.Client", "Plugsmm.Client.Testing"];

    /// <summary>The temporary folder: the feed, the build's artifacts, the consumers and their packages.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "plugsmm-package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The pack's build outputs.</summary>
    public string Artifacts { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "package-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The consumers' own NuGet packages folder, so that no package packed here reaches the machine's cache.</summary>
    public string ConsumerPackages => Path.Combine(Root, "packages");

    public string Version { get; private set; } = string.Empty;

    public CliResult? PackResult { get; private set; }

    public string PackageFile(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // Nothing above the temporary folder may leak MSBuild settings into the consumers.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        string[] common = ["-c", "Release", "-o", Feed, "-p:ContinuousIntegrationBuild=true", "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Artifacts}", "--disable-build-servers", "-nodeReuse:false"];
        var testing = await DotNetCli.RunAsync(RepositoryPaths.Root, null, TimeSpan.FromMinutes(10), ["pack", Path.Combine("src", "Plugsmm.Client.Testing", "Plugsmm.Client.Testing.csproj"), .. common]);
        PackResult = testing;
        if (testing.ExitCode != 0)
        {
            return;
        }

        // Plugsmm.Client was built by the first pack (a project reference): pack the same build.
        var client = await DotNetCli.RunAsync(RepositoryPaths.Root, null, TimeSpan.FromMinutes(10), ["pack", Path.Combine("src", "Plugsmm.Client", "Plugsmm.Client.csproj"), "--no-build", .. common]);
        PackResult = new CliResult(testing.Command + "\n" + client.Command, client.ExitCode, testing.Output + client.Output);
        if (client.ExitCode != 0)
        {
            return;
        }

        var tool = await DotNetCli.RunAsync(RepositoryPaths.Root, null, TimeSpan.FromMinutes(10), ["pack", Path.Combine("src", "Plugsmm.Cli", "Plugsmm.Cli.csproj"), .. common]);
        PackResult = new CliResult(PackResult.Command + "\n" + tool.Command, tool.ExitCode, PackResult.Output + tool.Output);
        var package = Directory.GetFiles(Feed, "Plugsmm.Client.*.nupkg").Select(Path.GetFileName).FirstOrDefault(name => !name!.StartsWith("Plugsmm.Client.Testing.", StringComparison.Ordinal));
        Version = package is null ? string.Empty : package["Plugsmm.Client.".Length..^".nupkg".Length];
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("PLUGSMM_KEEP_PACKAGE_TESTS") != "1")
        {
            Delete(Root);
            Delete(Artifacts);
        }

        return Task.CompletedTask;
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Fails the calling test with the pack's output unless the packages were made.</summary>
    public void AssertPacked()
    {
        Assert.True(PackResult is { ExitCode: 0 } && Version.Length > 0, $"dotnet pack failed:\n{PackResult}");
        Assert.Empty(PackResult!.Warnings);
    }

    /// <summary>
    /// A nuget.config for a consumer: the repository's own sources (nuget.org, or what the machine mirrors) plus the
    /// local feed, with Plugsmm.* taken from the local feed only (a package of the same id elsewhere never wins).
    /// </summary>
    public void WriteNuGetConfig(string folder)
    {
        var config = XDocument.Load(Path.Combine(RepositoryPaths.Root, "nuget.config"));
        var sources = config.Root!.Element("packageSources")!;
        var remote = sources.Elements("add").Select(e => (string)e.Attribute("key")!).ToList();
        sources.Elements("clear").Single().AddAfterSelf(new XElement("add", new XAttribute("key", "plugsmm-local"), new XAttribute("value", Feed)));
        config.Root.Element("packageSourceMapping")?.Remove();
        config.Root.Add(new XElement(
            "packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", "plugsmm-local"), new XElement("package", new XAttribute("pattern", "Plugsmm.*"))),
            remote.Select(key => new XElement("packageSource", new XAttribute("key", key), new XElement("package", new XAttribute("pattern", "*"))))));
        config.Save(Path.Combine(folder, "nuget.config"));
    }

    /// <summary>
    /// A fresh console project outside the repository, made by <c>dotnet new</c>, with both packages (and Hosting for the
    /// quick start) added by <c>dotnet add package</c> from the local feed, and the Program.cs of Consumers/<paramref name="sources"/>.
    /// </summary>
    public async Task<string> NewConsumerAsync(string name, string sources, params string[] options)
    {
        var step = TimeSpan.FromMinutes(10);
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        WriteNuGetConfig(folder);
        var created = await DotNetCli.RunAsync(folder, ConsumerEnvironment, step, ["new", "console", "--name", name, "--output", ".", "--framework", "net10.0", "--no-restore", .. options]);
        Assert.True(created.ExitCode == 0, created.ToString());
        foreach (var (id, version) in new[] { ("Plugsmm.Client", Version), ("Plugsmm.Client.Testing", Version), ("Microsoft.Extensions.Hosting", "10.0.15") })
        {
            var added = await DotNetCli.RunAsync(folder, ConsumerEnvironment, step, "add", "package", id, "--version", version);
            Assert.True(added.ExitCode == 0, added.ToString());
        }

        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Plugsmm.Client.PackageTests", "Consumers", sources, "Program.cs"), Path.Combine(folder, "Program.cs"), overwrite: true);
        return folder;
    }

    /// <summary>The environment of a consumer's commands: its own packages folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = ConsumerPackages };
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}
