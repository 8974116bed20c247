using System.Diagnostics;

namespace Plugsmm.Cli.Tests;

/// <summary>
/// The progress bar of a many-id call: on stderr when stderr is a terminal (here a pseudo-terminal from util-linux's
/// <c>script</c>), never on stdout, and nothing of it when stderr is redirected.
/// </summary>
[Trait("Category", "Cli")]
public sealed class ProgressTests(SlowPanel panel) : IClassFixture<SlowPanel>
{
    private const string Script = "/usr/bin/script";
    private const char Escape = '\u001b';

    [Fact]
    public async Task A_progress_bar_shows_on_a_terminal_and_nowhere_else()
    {
        Assert.True(File.Exists(Script), "util-linux's script is needed to give the tool a terminal (apt-get install bsdutils).");
        var folder = Directory.CreateTempSubdirectory("plugsmm-progress-").FullName;
        try
        {
            var ids = Path.Combine(folder, "ids.txt");
            await File.WriteAllLinesAsync(ids, Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var stdout = Path.Combine(folder, "stdout.txt");
            var typescript = Path.Combine(folder, "terminal.txt");

            var start = new ProcessStartInfo(Script, ["-qec", $"dotnet '{Tool.Path}' status @'{ids}' > '{stdout}'", typescript]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var (name, value) in panel.Environment())
            {
                start.Environment[name] = value;
            }

            using var script = Process.Start(start)!;
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await script.WaitForExitAsync(guard.Token);

            var terminal = await File.ReadAllTextAsync(typescript);
            Assert.Equal(4, script.ExitCode);                                           // every id unknown to the panel
            Assert.Contains("status", terminal, StringComparison.Ordinal);
            Assert.Matches(@"\d+%", terminal);                                           // the bar drew on the terminal's stderr
            var rows = await File.ReadAllLinesAsync(stdout);
            Assert.Equal(251, rows.Length);                                              // header + one row per id
            Assert.DoesNotContain(rows, row => row.Contains(Escape, StringComparison.Ordinal));

            var redirected = await Tool.RunAsync(["status", "@" + ids], panel.Environment());
            Assert.DoesNotContain(Escape, redirected.Stderr);
            Assert.DoesNotMatch(@"\d+%", redirected.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
