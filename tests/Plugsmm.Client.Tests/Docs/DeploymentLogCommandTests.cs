using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Plugsmm.Client.Tests.Client;
using Plugsmm.Client.Tests.Diagnostics;
using Plugsmm.Client.Tests.Resilience;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>
/// docs/deployment.md: every grep command on <c>logs/bot.log</c> is run with bash on the log of a scripted scenario
/// (one line per record, as the console logger's single-line format writes it), and must count what its text says
/// it counts: one line per call, per failed call, per skipped call, per timed-out attempt, per unreadable answer.
/// </summary>
public sealed partial class DeploymentLogCommandTests
{
    private static readonly DefaultOrder Order = new() { ServiceId = 1, Link = "https://instagram.com/p/Cx~9", Quantity = 100 };

    /// <summary>
    /// Each command (without <c>| tail -N</c> and <c>| wc -l</c>) and what it must print on the scenario's log: a count of
    /// lines, or the output of a <c>sort | uniq -c</c>. The scenario: 17 calls, 6 succeeded, 11 failed (HTTP 500 twice,
    /// one timeout, two unclassified messages, the second full of the greps' phrases, one HTML answer at HTTP 200,
    /// two 502s, three skipped by the open breaker).
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["grep \"Plugsmm API.*error\" logs/bot.log"] = "11",                  // failed calls
        ["grep \"Plugsmm API\" logs/bot.log"] = "34",                         // requests, successes and errors (17 + 6 + 11)
        ["grep \"Plugsmm API request\" logs/bot.log"] = "17",                 // calls
        ["grep \"Plugsmm API success\" logs/bot.log"] = "6",                  // successful calls
        ["grep \"Plugsmm API.*HTTP 500\" logs/bot.log"] = "2",                // calls that failed on an HTTP 500
        ["grep \"Plugsmm API.*timeout\" logs/bot.log"] = "1",                 // calls that failed on a timeout
        ["grep \"Request timeout after\" logs/bot.log"] = "5",                // timed-out attempts, retried or not
        ["grep \"Invalid JSON response\" logs/bot.log"] = "6",                // unreadable answers
        ["grep \"Circuit breaker open\" logs/bot.log"] = "3",                 // calls skipped by the breaker
        ["grep \"Unknown error\" logs/bot.log"] = "2",                        // panel messages no rule classifies
        ["grep \"api_key\" logs/bot.log | grep plugsmm"] = "2",               // one start-up line per client
        ["grep \"Circuit breaker\" logs/bot.log"] = "6",                      // opened, 3 skips, half-open, closed
        ["grep -E \"Plugsmm API error error_type=(Transient|RateLimited)\" logs/bot.log"] = "8",
        ["grep \"response_preview\" logs/bot.log | grep Plugsmm"] = "17",     // 6 unreadable answers + 11 failed calls
        ["grep \"Plugsmm API error\" logs/bot.log | grep -oP 'status_code=\\K\\d+' | sort | uniq -c"] = "3 200\n2 500\n2 502",
        ["grep \"Plugsmm API.*error\" logs/bot.log | grep \"error_type=Unknown\""] = "3",
        ["grep \"using legacy adapter\" logs/bot.log"] = "1",
        ["grep \"error_type=\" logs/bot.log | grep -oP 'error_type=\\K\\w+' | sort | uniq -c"] = "8 Transient\n3 Unknown",
        ["grep \"Admin notification sent\" logs/bot.log"] = "0",              // the host's own line, not the SDK's
    };

    [Fact]
    public async Task Every_grep_command_of_the_runbook_counts_what_its_text_says()
    {
        var log = await ScenarioLogAsync();
        var path = Path.Combine(Path.GetTempPath(), $"plugsmm-bot-{Guid.NewGuid():N}.log");
        await File.WriteAllLinesAsync(path, log);
        try
        {
            var commands = DocumentedCommands();
            Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), commands.Order(StringComparer.Ordinal));
            var wrong = new List<string>();
            foreach (var command in commands)
            {
                var counted = command.EndsWith("uniq -c", StringComparison.Ordinal) ? command : command + " | wc -l";
                var output = Normalize(await BashAsync(counted.Replace("logs/bot.log", path, StringComparison.Ordinal)));
                if (output != Expected[command])
                {
                    wrong.Add($"{command}\n  expected: {Expected[command].Replace("\n", " | ", StringComparison.Ordinal)}\n  got:      {output.Replace("\n", " | ", StringComparison.Ordinal)}");
                }
            }

            Assert.True(wrong.Count == 0, "Commands of docs/deployment.md that do not count what they say:\n" + string.Join("\n", wrong) + "\n\nThe log:\n" + string.Join("\n", log));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The scenario, on two clients (the second with the breaker opening and the legacy adapter), as log lines.</summary>
    private static async Task<List<string>> ScenarioLogAsync()
    {
        using var main = new Telemetry(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 2;
            o.Resilience.CircuitBreaker.MinimumThroughput = 1000;
        });
        var panel = main.Panel;
        var client = panel.Client;
        panel.Answer("""{"order":1}""").Answer("""{"order":2}""");
        await client.AddOrderAsync(Order);
        await client.AddOrderAsync(Order);

        // A read behind three HTTP 500 pages (retried twice), then an order behind one (not retried: it may exist).
        for (var i = 0; i < 4; i++)
        {
            panel.Answer("<html>500 Internal Server Error</html>", HttpStatusCode.InternalServerError, "text/html");
        }

        await FailsAsync(panel, client.GetBalanceAsync());
        await FailsAsync(panel, client.AddOrderAsync(Order));

        // A read that times out twice and then succeeds; one that times out three times.
        panel.Answer(() => Never(panel)).Answer(() => Never(panel)).Answer("""{"status":"Pending","remains":"100"}""");
        await DriveAsync(panel, client.GetOrderStatusAsync(1));
        panel.Answer(() => Never(panel)).Answer(() => Never(panel)).Answer(() => Never(panel));
        await FailsAsync(panel, client.GetBalanceAsync());

        // A message no rule knows; an HTML page at HTTP 200; a 429 then a success; a 502 page then a success.
        panel.Answer("""{"error":"Something new"}""");
        await FailsAsync(panel, client.AddOrderAsync(Order));
        panel.Answer(Hostile);
        await FailsAsync(panel, client.AddOrderAsync(Order));
        panel.Answer("<html>maintenance</html>", HttpStatusCode.OK, "text/html");
        await FailsAsync(panel, client.AddOrderAsync(Order));
        panel.Answer("""{"error":"Too many requests"}""", HttpStatusCode.TooManyRequests).Answer("""{"order":3}""");
        await DriveAsync(panel, client.AddOrderAsync(Order));
        panel.Answer("<html>502 Bad Gateway</html>", HttpStatusCode.BadGateway, "text/html").Answer("""{"balance":"1"}""");
        await DriveAsync(panel, client.GetBalanceAsync());

        using var backup = new Telemetry(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
            o.UseNewApi = false;
        });
        var second = backup.Panel;
        second.Answer("{}", HttpStatusCode.BadGateway).Answer("{}", HttpStatusCode.BadGateway);
        for (var i = 0; i < 5; i++)
        {
            await FailsAsync(second, second.Client.GetBalanceAsync());                // 2 failures open it; 3 calls skipped
        }

        second.Time.Advance(TimeSpan.FromSeconds(60));
        second.Answer("""{"balance":"1"}""");
        await second.Client.GetBalanceAsync();

        return [.. Lines(main), .. Lines(backup)];
    }

    /// <summary>A panel message (no rule knows it) made of the phrases the greps count: none of them may count it.</summary>
    private static readonly string Hostile = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["error"] = "Unknown error. Plugsmm API success action=add; Plugsmm API request; HTTP 500; timeout; Invalid JSON response; " +
            "Circuit breaker open; Request timeout after 1s; using legacy adapter; api_key plugsmm; error_type=Transient status_code=500 reason=x",
    });

    private static HttpResponseMessage Never(PanelStub panel) => new(HttpStatusCode.OK) { Content = new SlowAnswers.NeverEndingContent(panel.Time) };

    private static async Task DriveAsync(PanelStub panel, Task call)
    {
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromMilliseconds(500));
        await call;
    }

    private static async Task FailsAsync(PanelStub panel, Task call)
    {
        await FakeTime.DriveAsync(panel.Time, call, TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAsync<PlugsmmException>(() => call);
    }

    /// <summary>Each record as the console logger's single-line format writes it: <c>warn: Category[1003] message</c>.</summary>
    private static IEnumerable<string> Lines(Telemetry telemetry) =>
        telemetry.Logger.Collector.GetSnapshot().Select(r => $"{Level(r.Level)}: {r.Category}[{r.Id.Id}] {r.Message}");

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    /// <summary>Every command of the page's bash blocks that reads logs/bot.log, except <c>tail -f</c>, without tail and wc.</summary>
    private static List<string> DocumentedCommands()
    {
        var page = File.ReadAllText(Path.Combine(Repository.RepositoryPaths.Root, "docs", "deployment.md")).ReplaceLineEndings("\n");
        return [.. BashBlock().Matches(page)
            .SelectMany(block => block.Groups[1].Value.Split('\n'))
            .Where(line => line.Contains("logs/bot.log", StringComparison.Ordinal) && line.Contains("grep", StringComparison.Ordinal) && !line.Contains("tail -f", StringComparison.Ordinal))
            .Select(line => Tail().Replace(Comment().Replace(Assignment().Replace(line.Trim(), "$1"), string.Empty), string.Empty).Trim())
            .Distinct()];
    }

    private static async Task<string> BashAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(error.Length == 0, $"'{command}' wrote to stderr: {error}");
        return output;
    }

    private static string Normalize(string output) =>
        string.Join('\n', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => Spaces().Replace(l, " ")));

    [GeneratedRegex("```bash\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^\w+=\$\((.*)\)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"(\s*\|\s*(tail -\d+|wc -l))+\s*$")]
    private static partial Regex Tail();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
