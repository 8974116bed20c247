using System.Text.RegularExpressions;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>docs/errors.md's message table is the classifier's table, row for row and in order.</summary>
public sealed partial class DocsErrorTableTests
{
    [Fact]
    public void The_message_table_in_docs_errors_md_is_the_built_in_rule_list()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "errors.md"))
            .Select(line => Row().Match(line))
            .Where(match => match.Success)
            .Select(match => (Pattern: match.Groups[1].Value, Kind: match.Groups[2].Value, Reason: match.Groups[3].Value))
            .ToList();

        var rules = ErrorClassifier.BuiltInRules.Select(r => (r.Pattern, r.Kind.ToString(), r.Reason!)).ToList();

        Assert.Equal(rules, rows);
    }

    [GeneratedRegex(@"^\| `([^`]+)` \| (\w+) \| `(\w+)` \|$")]
    private static partial Regex Row();
}
