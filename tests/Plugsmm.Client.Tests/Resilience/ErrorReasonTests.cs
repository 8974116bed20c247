using System.Net.Http;
using System.Reflection;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>Every reason the SDK gives is a public constant, and docs/errors.md explains every constant.</summary>
public sealed class ErrorReasonTests
{
    private static readonly HashSet<string> Constants = typeof(PlugsmmErrorReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_built_in_rule_and_transport_failure_gives_a_reason_that_is_a_public_constant()
    {
        var given = ErrorClassifier.BuiltInRules.Select(r => r.Reason!)
            .Concat(Enum.GetValues<HttpRequestError>().Select(e => ErrorClassifier.ClassifyTransport(new HttpRequestException(e, "x")).Reason))
            .Append(new ErrorClassifier(null).ClassifyMessage("no rule matches this").Reason)
            .Distinct()
            .ToList();

        Assert.All(given, reason => Assert.Contains(reason, Constants));
    }

    [Theory]
    [InlineData(503, "http_503")]
    [InlineData(522, "cloudflare_522")]
    [InlineData(404, "http_404")]
    public void Statuses_are_reported_with_the_documented_prefixes(int status, string reason)
    {
        Assert.Equal(reason, ErrorClassifier.ClassifyStatus(status).Reason);
        Assert.True(reason.StartsWith(PlugsmmErrorReasons.HttpStatusPrefix, StringComparison.Ordinal) || reason.StartsWith(PlugsmmErrorReasons.CloudflarePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_errors_md_names_every_reason_constant()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "errors.md"));

        Assert.All(Constants, reason => Assert.Contains($"`{reason}", docs, StringComparison.Ordinal));
    }
}
