using System.Text.RegularExpressions;

namespace Plugsmm.Client.Tests.Repository;

/// <summary>
/// Code on the doc pages comes from code that compiles and runs: each ```csharp block, found as the first under
/// its heading, must stand verbatim between <c>// marker</c> and <c>// end</c> in a test (or in a consumer
/// program the package tests build against the packed packages), and no page may carry a block nobody checks.
/// A block may open with <c>using</c> directives; the source file must have them too.
/// </summary>
public sealed partial class DocsSnippetTests
{
    private const string Simulator = "tests/Plugsmm.Client.Tests/Simulator/DocsExampleTests.cs";
    private const string Consumer = "tests/Plugsmm.Client.PackageTests/Consumers/Console/Program.cs";
    private const string QuickStart = "tests/Plugsmm.Client.PackageTests/Consumers/QuickStart/Program.cs";
    private const string GettingStarted = "tests/Plugsmm.Client.Tests/Docs/GettingStartedExamples.cs";
    private const string Actions = "tests/Plugsmm.Client.Tests/Docs/ActionExamples.cs";
    private const string Orders = "tests/Plugsmm.Client.Tests/Docs/OrderTypeExamples.cs";
    private const string Configuration = "tests/Plugsmm.Client.Tests/Docs/ConfigurationExamples.cs";
    private const string Errors = "tests/Plugsmm.Client.Tests/Docs/ErrorExamples.cs";
    private const string Telemetry = "tests/Plugsmm.Client.Tests/Docs/TelemetryExamples.cs";
    private const string Encoding = "tests/Plugsmm.Client.Tests/Docs/EncodingExamples.cs";
    private const string Deployment = "tests/Plugsmm.Client.Tests/Docs/DeploymentExamples.cs";
    private const string OrdersDocs = "tests/Plugsmm.Orders.Tests/Docs/OrdersDocsExamples.cs";

    /// <summary>page, heading, source, marker.</summary>
    public static TheoryData<string, string, string, string> Snippets { get; } = new()
    {
        { "README.md", "Quick start", Consumer, "README.md: quick start" },
        { "README.md", "Quick start", QuickStart, "README.md: quick start" },
        { "src/Plugsmm.Client/README.md", "Quick start", Consumer, "README.md: quick start" },
        { "src/Plugsmm.Client/README.md", "Without dependency injection", Consumer, "docs/getting-started.md: without dependency injection" },
        { "src/Plugsmm.Client.Testing/README.md", "Plugsmm.Client.Testing", Simulator, "src/Plugsmm.Client.Testing/README.md" },
        { "docs/testing.md", "Ten lines", Simulator, "docs/testing.md: ten lines" },
        { "docs/testing.md", "Faults", Simulator, "docs/testing.md: faults" },
        { "docs/testing.md", "On a real port", Simulator, "docs/testing.md: on a real port" },
        { "docs/testing.md", "Scripted statuses", Simulator, "docs/testing.md: scripted statuses" },
        { "docs/getting-started.md", "With dependency injection", Consumer, "README.md: quick start" },
        { "docs/getting-started.md", "Configured in code", GettingStarted, "docs/getting-started.md: configured in code" },
        { "docs/getting-started.md", "Several panels", GettingStarted, "docs/getting-started.md: several panels" },
        { "docs/getting-started.md", "Without dependency injection", Consumer, "docs/getting-started.md: without dependency injection" },
        { "docs/actions.md", "services: the catalogue", Actions, "docs/actions.md: services" },
        { "docs/actions.md", "status: one order", Actions, "docs/actions.md: status" },
        { "docs/actions.md", "status: many orders", Actions, "docs/actions.md: status many" },
        { "docs/actions.md", "refill and refill_status: one order", Actions, "docs/actions.md: refill" },
        { "docs/actions.md", "refill and refill_status: many", Actions, "docs/actions.md: refill many" },
        { "docs/actions.md", "cancel", Actions, "docs/actions.md: cancel" },
        { "docs/actions.md", "balance", Actions, "docs/actions.md: balance" },
        { "docs/actions.md", "Default", Orders, "docs/actions.md: Default" },
        { "docs/actions.md", "Default with drip-feed", Orders, "docs/actions.md: drip-feed" },
        { "docs/actions.md", "Package", Orders, "docs/actions.md: Package" },
        { "docs/actions.md", "SEO", Orders, "docs/actions.md: SEO" },
        { "docs/actions.md", "Custom Comments", Orders, "docs/actions.md: Custom Comments" },
        { "docs/actions.md", "Custom Comments Package", Orders, "docs/actions.md: Custom Comments Package" },
        { "docs/actions.md", "Mentions", Orders, "docs/actions.md: Mentions" },
        { "docs/actions.md", "Mentions with Hashtags", Orders, "docs/actions.md: Mentions with Hashtags" },
        { "docs/actions.md", "Mentions Custom List", Orders, "docs/actions.md: Mentions Custom List" },
        { "docs/actions.md", "Mentions Hashtag", Orders, "docs/actions.md: Mentions Hashtag" },
        { "docs/actions.md", "Mentions User Followers", Orders, "docs/actions.md: Mentions User Followers" },
        { "docs/actions.md", "Mentions Media Likers", Orders, "docs/actions.md: Mentions Media Likers" },
        { "docs/actions.md", "Comment Likes", Orders, "docs/actions.md: Comment Likes" },
        { "docs/actions.md", "Poll", Orders, "docs/actions.md: Poll" },
        { "docs/actions.md", "Invites from Groups", Orders, "docs/actions.md: Invites from Groups" },
        { "docs/actions.md", "Subscriptions", Orders, "docs/actions.md: Subscriptions" },
        { "docs/actions.md", "Web Traffic", Orders, "docs/actions.md: Web Traffic" },
        { "docs/actions.md", "Choosing the request class", Orders, "docs/actions.md: choosing" },
        { "docs/configuration.md", "In code", Configuration, "docs/configuration.md: in code" },
        { "docs/configuration.md", "The HTTP pipeline", Configuration, "docs/configuration.md: http pipeline" },
        { "docs/errors.md", "Handling errors in a bot", Errors, "docs/errors.md: handling" },
        { "docs/errors.md", "Calls over many ids: each id carries its own request's outcome", Errors, "docs/errors.md: many ids" },
        { "docs/encoding.md", "Encoding: request bodies exactly as PHP writes them", Encoding, "docs/encoding.md: encoder" },
        { "docs/telemetry.md", "Metrics (meter `Plugsmm.Client`)", Telemetry, "docs/telemetry.md: opentelemetry" },
        { "docs/telemetry.md", "Correlation ids", Telemetry, "docs/telemetry.md: correlation" },
        { "docs/telemetry.md", "Health check", Telemetry, "docs/telemetry.md: health check" },
        { "docs/deployment.md", "Scenario 2: Insufficient funds", Deployment, "docs/deployment.md: insufficient funds" },
        { "docs/deployment.md", "Scenarios 1, 3 and 4 in a test", Deployment, "docs/deployment.md: scenarios" },
        { "docs/orders.md", "Setting it up", OrdersDocs, "docs/orders.md: setup" },
        { "docs/orders.md", "Accepting an order", OrdersDocs, "docs/orders.md: accept" },
        { "docs/orders.md", "The resolution queue: what an operator does", OrdersDocs, "docs/orders.md: operator" },
        { "docs/orders.md", "Cancel on request", OrdersDocs, "docs/orders.md: cancel" },
        { "docs/orders.md", "Refills", OrdersDocs, "docs/orders.md: refill" },
        { "src/Plugsmm.Orders/README.md", "Plugsmm.Orders", OrdersDocs, "docs/orders.md: setup" },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_doc_snippet_is_the_tested_code_verbatim(string page, string heading, string source, string marker)
    {
        var snippet = SnippetUnder(page, heading);
        var (usings, code) = SplitUsings(snippet);

        var text = Read(source);
        Assert.Equal(Tested(text, source, marker), code);
        foreach (var directive in usings)
        {
            Assert.True(text.Split('\n').Contains(directive), $"{page} opens its snippet with '{directive}', which {source} does not have");
        }
    }

    [Fact]
    public void Every_csharp_block_on_every_page_is_a_checked_snippet()
    {
        var pages = new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p)))
            .Concat(Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Where(d => File.Exists(Path.Combine(d, "README.md"))).Select(d => $"src/{Path.GetFileName(d)}/README.md"))
            .ToList();
        var checkedBlocks = Snippets.Select(row => ((string)row[0], SnippetUnder((string)row[0], (string)row[1]))).ToHashSet();

        var notChecked = pages
            .SelectMany(page => CSharpBlock().Matches(Read(page)).Select(m => (page, m.Groups[1].Value.Trim())))
            .Where(block => !checkedBlocks.Contains(block))
            .Select(block => $"{block.page}:\n{block.Item2}")
            .ToList();

        Assert.True(notChecked.Count == 0, "csharp blocks no test checks (add a row to DocsSnippetTests.Snippets):\n\n" + string.Join("\n\n", notChecked));
        Assert.Contains("docs/performance.md", pages);
    }

    /// <summary>The first ```csharp block after the heading (any level) whose text is <paramref name="heading"/>.</summary>
    private static string SnippetUnder(string page, string heading)
    {
        var markdown = Read(page);
        var at = Regex.Match(markdown, $"^#{{1,6}} {Regex.Escape(heading)}\n", RegexOptions.Multiline);
        Assert.True(at.Success, $"{page} has no heading '{heading}'");
        var block = CSharpBlock().Match(markdown, at.Index + at.Length);
        Assert.True(block.Success, $"{page} has no csharp block under '{heading}'");
        return block.Groups[1].Value.Trim();
    }

    /// <summary>The code between <c>// marker</c> and <c>// end</c>, with its common indentation removed.</summary>
    private static string Tested(string code, string source, string marker)
    {
        var start = code.IndexOf("// " + marker + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '// {marker}' in {source}");
        start = code.IndexOf('\n', start) + 1;
        var end = code.IndexOf("// end\n", start, StringComparison.Ordinal);
        Assert.True(end >= 0, $"no '// end' after '// {marker}' in {source}");
        var lines = code[start..end].TrimEnd(' ').TrimEnd('\n').Split('\n');
        var indent = lines.Where(line => line.Trim().Length > 0).Select(line => line.Length - line.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart())).Trim();
    }

    /// <summary>Leading <c>using X;</c> directives (not <c>using var</c>), and the code after them.</summary>
    private static (List<string> Usings, string Code) SplitUsings(string snippet)
    {
        var lines = snippet.Split('\n').ToList();
        var usings = lines.TakeWhile(line => UsingDirective().IsMatch(line)).ToList();
        return (usings, string.Join("\n", lines.Skip(usings.Count)).Trim());
    }

    private static string Read(string path) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, path)).ReplaceLineEndings("\n");

    [GeneratedRegex("```csharp\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using (static )?[\w.]+( = [\w.]+)?;$")]
    private static partial Regex UsingDirective();
}
