using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.Tests.Diagnostics;

/// <summary>docs/telemetry.md lists every log event the client writes, with its id, level and opening words.</summary>
public sealed partial class DocsTelemetryTests
{
    [Fact]
    public void The_event_table_in_docs_telemetry_md_matches_the_source_generated_log_lines()
    {
        var documented = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "telemetry.md"))
            .Select(line => EventRow().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => (Level: m.Groups[2].Value, Start: m.Groups[3].Value));

        var defined = typeof(PlugsmmClient).Assembly.GetType("Plugsmm.Client.ClientLog")!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.Equal(defined.Select(a => a.EventId).Order(), documented.Keys.Order());
        foreach (var attribute in defined)
        {
            var (level, start) = documented[attribute.EventId];
            Assert.Equal(attribute.Level.ToString(), level);
            // The page writes "…" or <Kind> where the line has a value: compare up to the first of them.
            var opening = Placeholder().Replace(start, "…").Split('…')[0];
            Assert.True(attribute.Message.StartsWith(opening, StringComparison.Ordinal), $"event {attribute.EventId}: the page says '{start}', the code writes '{attribute.Message}'");
        }
    }

    [GeneratedRegex(@"^\| (\d{4}) \| (\w+) \| `([^`]+)`")]
    private static partial Regex EventRow();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();
}
