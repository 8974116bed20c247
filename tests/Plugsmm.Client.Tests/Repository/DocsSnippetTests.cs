using System.Text.RegularExpressions;

namespace Plugsmm.Client.Tests.Repository;

/// <summary>Code on the doc pages comes from tests that compile and run: each quoted block must stand in its test verbatim.</summary>
public sealed partial class DocsSnippetTests
{
    [Theory]
    [InlineData("docs/testing.md", "Ten lines", "tests/Plugsmm.Client.Tests/Simulator/DocsExampleTests.cs", "docs/testing.md: ten lines")]
    [InlineData("docs/testing.md", "Faults", "tests/Plugsmm.Client.Tests/Simulator/DocsExampleTests.cs", "docs/testing.md: faults")]
    public void A_doc_snippet_is_the_tested_code_verbatim(string page, string heading, string source, string marker)
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, page)).ReplaceLineEndings("\n");
        var section = markdown[markdown.IndexOf("## " + heading + "\n", StringComparison.Ordinal)..];
        var snippet = CSharpBlock().Match(section).Groups[1].Value;

        var code = File.ReadAllText(Path.Combine(RepositoryPaths.Root, source)).ReplaceLineEndings("\n");
        var start = code.IndexOf("// " + marker + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '// {marker}' in {source}");
        start = code.IndexOf('\n', start) + 1;
        var end = code.IndexOf("// end", start, StringComparison.Ordinal);
        var tested = string.Join("\n", code[start..end].Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart())).Trim();

        Assert.Equal(tested, snippet.Trim());
    }

    [GeneratedRegex("```csharp\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
