using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.PackageTests;

/// <summary>What each package carries: its README, licence, repository, XML docs, symbols with SourceLink, a trimmable assembly.</summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class PackageContentTests(PackedPackages packages)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Theory]
    [InlineData("Plugsmm.Client")]
    [InlineData("Plugsmm.Client.Testing")]
    public void The_package_has_a_readme_licence_repository_and_description(string id)
    {
        packages.AssertPacked();
        using var package = ZipFile.OpenRead(packages.PackageFile(id));
        var nuspec = Nuspec(package, id);
        string? Meta(string name) => nuspec.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(id, Meta("id"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", id, "README.md")), Read(package, "README.md"));
        var license = nuspec.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.False(string.IsNullOrWhiteSpace(Meta("description")));
        Assert.False(string.IsNullOrWhiteSpace(Meta("authors")));
        Assert.StartsWith("https://", Meta("projectUrl"), StringComparison.Ordinal);

        var repository = nuspec.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
    }

    [Theory]
    [InlineData("Plugsmm.Client")]
    [InlineData("Plugsmm.Client.Testing")]
    public void The_package_holds_the_assembly_with_its_xml_docs_marked_trimmable(string id)
    {
        packages.AssertPacked();
        using var package = ZipFile.OpenRead(packages.PackageFile(id));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
        var docs = XDocument.Parse(Read(package, $"lib/net10.0/{id}.xml"));
        Assert.True(docs.Descendants("member").Count() > 50, "the XML docs are almost empty");

        using var assembly = new PEReader(new MemoryStream(ReadBytes(package, $"lib/net10.0/{id}.dll")));
        var metadata = assembly.GetMetadataReader();
        // IsAotCompatible implies IsTrimmable, which the SDK records in the assembly.
        Assert.Contains(("IsTrimmable", "True"), AssemblyMetadata(metadata));
    }

    [Theory]
    [InlineData("Plugsmm.Client")]
    [InlineData("Plugsmm.Client.Testing")]
    public void The_symbol_package_holds_a_deterministic_pdb_with_sourcelink_to_the_packed_commit(string id)
    {
        packages.AssertPacked();
        string commit;
        using (var package = ZipFile.OpenRead(packages.PackageFile(id)))
        {
            var element = Nuspec(package, id).Elements().Single(e => e.Name.LocalName == "repository");
            commit = (string)element.Attribute("commit")!;
        }

        using var symbols = ZipFile.OpenRead(packages.PackageFile(id, "snupkg"));
        using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(ReadBytes(symbols, $"lib/net10.0/{id}.pdb")));
        var reader = pdb.GetMetadataReader();

        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.NotEmpty(documents);
        // ContinuousIntegrationBuild: no path of the build machine in the symbols.
        Assert.All(documents, path => Assert.StartsWith("/_/", path, StringComparison.Ordinal));

        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        Assert.NotNull(sourceLink);
        // {"documents":{"/_/*":"https://<host>/<owner>/<name>/<commit>/*"}}: the public repository (or the clone's own
        // remote, when that is on a known host) at the commit the package names.
        Assert.Matches($"\"/_/\\*\":\"https://[^\"]+/{commit}/\\*\"", sourceLink);
    }

    [Fact]
    public void The_testing_package_depends_on_the_same_version_of_the_client_and_on_aspnetcore()
    {
        packages.AssertPacked();
        using var package = ZipFile.OpenRead(packages.PackageFile("Plugsmm.Client.Testing"));
        var nuspec = Nuspec(package, "Plugsmm.Client.Testing");

        var dependency = nuspec.Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Plugsmm.Client");
        Assert.Equal(packages.Version, (string?)dependency.Attribute("version"));
        Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "frameworkReference" && (string?)e.Attribute("name") == "Microsoft.AspNetCore.App");
    }

    private static XElement Nuspec(ZipArchive package, string id) =>
        XDocument.Parse(Read(package, id + ".nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

    private static string Read(ZipArchive package, string entry) => Encoding.UTF8.GetString(ReadBytes(package, entry)).TrimStart('\uFEFF');

    private static byte[] ReadBytes(ZipArchive package, string entry)
    {
        var found = package.GetEntry(entry) ?? throw new Xunit.Sdk.XunitException($"the package has no {entry}: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var stream = found.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static IEnumerable<(string Key, string Value)> AssemblyMetadata(MetadataReader metadata)
    {
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var type = (TypeReferenceHandle)metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (metadata.GetString(metadata.GetTypeReference(type).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog
            yield return (blob.ReadSerializedString() ?? string.Empty, blob.ReadSerializedString() ?? string.Empty);
        }
    }
}
