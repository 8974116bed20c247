using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>
/// The PHP differential without PHP: field sets and the bodies PHP 8.2's http_build_query wrote for them,
/// committed, so every `dotnet test` proves the same on any machine.
/// </summary>
public sealed class GoldenFileTests
{
    /// <summary>Fixed, so the golden file only changes when the generator does.</summary>
    internal const int Seed = 20261124;

    internal const int FieldSets = 5000;

    private const string FileName = "http_build_query.golden.jsonl.gz";

    [Fact]
    public void Encoder_matches_the_bodies_php_wrote_for_the_golden_field_sets()
    {
        var cases = ReadGolden(Path.Combine(AppContext.BaseDirectory, "golden", FileName));

        Assert.Equal(FieldSets, cases.Count);
        var mismatches = cases
            .Select((c, i) => (Index: i, c.Php, Actual: PhpFormEncoder.Encode(c.Fields)))
            .Where(c => !string.Equals(c.Php, c.Actual, StringComparison.Ordinal))
            .Select(c => $"#{c.Index}\n  php:  {c.Php}\n  .NET: {c.Actual}")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(10)));
    }

    [Fact]
    public void Golden_field_sets_are_the_generators_own_so_the_file_cannot_drift_from_it()
    {
        var cases = ReadGolden(Path.Combine(AppContext.BaseDirectory, "golden", FileName));
        var generator = new FieldSetGenerator(Seed);

        foreach (var golden in cases.Take(200))
        {
            Assert.Equal(TaggedFieldSet.Write(generator.Next()), TaggedFieldSet.Write(golden.Fields));
        }
    }

    /// <summary>
    /// The committed bodies are what this machine's PHP writes for the committed field sets. With
    /// PLUGSMM_REGENERATE_GOLDEN=1 it rewrites the file from PHP instead:
    /// <c>PLUGSMM_REGENERATE_GOLDEN=1 dotnet test --filter FullyQualifiedName~GoldenFileTests</c>.
    /// </summary>
    [PhpFact]
    public async Task Golden_file_is_what_php_writes_for_its_field_sets()
    {
        Assert.True(Php.Executable is not null, "php is required in CI: .ci/run installs php-cli.");
        var regenerate = Environment.GetEnvironmentVariable("PLUGSMM_REGENERATE_GOLDEN") == "1";
        List<string> lines;
        List<string>? committed = null;
        if (regenerate)
        {
            var generator = new FieldSetGenerator(Seed);
            lines = Enumerable.Range(0, FieldSets).Select(_ => TaggedFieldSet.Write(generator.Next())).ToList();
        }
        else
        {
            var cases = ReadGolden(Path.Combine(AppContext.BaseDirectory, "golden", FileName));
            lines = cases.Select(c => TaggedFieldSet.Write(c.Fields)).ToList();
            committed = cases.Select(c => c.Php).ToList();
        }

        var bodies = (await Php.RunLinesAsync("build_query.php", lines))
            .Select(b => Encoding.ASCII.GetString(Convert.FromBase64String(b)))
            .ToList();
        Assert.Equal(lines.Count, bodies.Count);

        if (committed is not null)
        {
            Assert.Equal(committed, bodies);
            return;
        }

        var path = Path.Combine(Repository.RepositoryPaths.Root, "tests", "Plugsmm.Client.Tests", "Differential", "golden", FileName);
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        await using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var i = 0; i < lines.Count; i++)
        {
            await writer.WriteLineAsync($"{{\"fields\":{lines[i]},\"php\":{JsonSerializer.Serialize(bodies[i], GoldenJson.Default.String)}}}");
        }
    }

    private static List<(List<KeyValuePair<string, object?>> Fields, string Php)> ReadGolden(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var cases = new List<(List<KeyValuePair<string, object?>>, string)>();
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            cases.Add((TaggedFieldSet.Read(document.RootElement.GetProperty("fields")), document.RootElement.GetProperty("php").GetString()!));
        }

        return cases;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class GoldenJson : System.Text.Json.Serialization.JsonSerializerContext;
