using System.Text.RegularExpressions;

namespace Plugsmm.Client.Tests.Repository;

/// <summary>
/// The client's layout is its architecture: public types in the folders named after their concepts, every internal
/// part under <c>Internal/</c>, no file a reader cannot take in at once, and no platform-specific machinery.
/// </summary>
public sealed partial class LayoutTests
{
    private const int MaxLines = 300;

    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src", "Plugsmm.Client");

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Source, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            files.Add(file);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_is_short_and_plain(string file)
    {
        var text = File.ReadAllText(Path.Combine(Source, file));

        Assert.True(text.Split('\n').Length <= MaxLines + 1, $"{file} has {text.Split('\n').Length} lines; split it (at most {MaxLines}).");
        Assert.DoesNotContain("System.Runtime.Intrinsics", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Public_types_live_outside_Internal_and_internal_ones_inside(string file)
    {
        var text = File.ReadAllText(Path.Combine(Source, file));
        var declaresPublic = PublicType().IsMatch(text);
        var underInternal = file.StartsWith("Internal/", StringComparison.Ordinal);

        Assert.True(declaresPublic != underInternal, underInternal
            ? $"{file} declares a public type: it belongs in the folder of its concept, outside Internal/."
            : $"{file} declares no public type: it belongs under Internal/.");
    }

    [GeneratedRegex(@"^public ", RegexOptions.Multiline)]
    private static partial Regex PublicType();
}
