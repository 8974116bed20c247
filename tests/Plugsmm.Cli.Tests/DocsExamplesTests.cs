using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Plugsmm.Cli.Tests;

/// <summary>
/// docs/cli.md's examples, run: every <c>$</c> line of its <c>```bash</c> blocks, top to bottom, in one empty
/// directory, with <c>plugsmm</c> a bash function running the built tool. <c>$ plugsmm simulate …</c> starts that panel
/// (in the background, checked against the lines the page shows up to <c>Press Ctrl+C to stop.</c>, stopped with
/// SIGINT at the end); <c>$ export NAME=VALUE</c> sets the environment of the lines after it (only the key and the
/// endpoint); every other line runs with bash, stderr and stdout together as a terminal shows them. Each line's exit
/// code must be the page's <c># exit N</c> (0 without it), and where the page shows output the output must match it:
/// <c>&lt;port&gt;</c> is the latest simulated panel's port, <c>&lt;dir&gt;</c> the directory, any other
/// <c>&lt;name&gt;</c> stands for varying text within a line, and a line <c>…</c> for any number of lines.
/// Then: every command of the tool and every order type of <c>add</c> (as their help lists them) has an example, and
/// every <c>`plugsmm …`</c> the text names is the start of a command that ran. The page's order statuses follow the
/// simulated panel's clock (orders start after a minute, comments after five): the whole page runs in about 20 s.
/// </summary>
[Trait("Category", "Cli")]
public sealed partial class DocsExamplesTests
{
    private const string Ellipsis = "…";
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>The variables an example may export; everything else the page needs is on its own line.</summary>
    private static readonly string[] Exportable = ["PLUGSMMS_API_KEY", "PLUGSMM_BASE_URL"];

    [Fact]
    public void The_page_hides_no_command_outside_its_bash_blocks()
    {
        var page = Page.Read();

        Assert.NotEmpty(page.Examples);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task Every_example_runs_with_the_exit_code_and_output_the_page_shows()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The examples are bash lines (pipes, printf, seq): they run where bash does.
        }

        var page = Page.Read();
        Assert.Empty(page.Problems);
        var directory = Directory.CreateTempSubdirectory("plugsmm-docs-").FullName;
        var environment = new Dictionary<string, string?> { ["PLUGSMMS_API_KEY"] = Simulator.Key };
        var panels = new List<RunningPanel>();
        var failures = new List<string>();
        var ran = new List<string>();
        try
        {
            foreach (var example in page.Examples)
            {
                var port = panels.Count > 0 ? panels[^1].Port : null;
                var command = Substitute(example.Command, port, directory);
                if (Placeholder().Match(command) is { Success: true } left)
                {
                    failures.Add($"line {example.Line}: {left.Value} in a command: only <port> and <dir> are filled in: {example.Command}");
                    continue;
                }

                ran.Add(command);
                if (command.StartsWith("export ", StringComparison.Ordinal))
                {
                    var (name, value) = (command[7..].Split('=', 2)[0], command.Split('=', 2) is [_, var v] ? v : string.Empty);
                    Assert.True(Exportable.Contains(name), $"line {example.Line}: the page may export only {string.Join(", ", Exportable)}: {command}");
                    Assert.True(example.Output is null && example.Exit == 0, $"line {example.Line}: an export prints nothing and exits 0");
                    environment[name] = value;
                    continue;
                }

                if (command.StartsWith("plugsmm simulate", StringComparison.Ordinal))
                {
                    var panel = await RunningPanel.StartAsync(command, directory);
                    panels.Add(panel);
                    Check(failures, example, panel.Printed, panel.ExitCode ?? 0, panel.Port, directory);
                    environment.TryAdd("PLUGSMM_BASE_URL", $"http://127.0.0.1:{panel.Port}/api/v2");
                    continue;
                }

                Assert.True(panels.Count > 0, $"line {example.Line}: the page runs a command before starting 'plugsmm simulate': {command}");
                Assert.True(SendsOnlyToLoopback(command) || command.Contains("--dry-run", StringComparison.Ordinal) || example.Exit == 64,
                    $"line {example.Line}: an example pointing away from the simulated panel must be a --dry-run or a usage error: {command}");
                var run = await RunBashAsync(command, directory, environment);
                Check(failures, example, run.Output, run.ExitCode, port, directory);
                if (run.ExitCode is 0 or 4 && Regex.IsMatch(command, @"\s--json(\s|$)"))
                {
                    var json = string.Join('\n', Lines(run.Output).Where(l => !l.StartsWith("plugsmm: ", StringComparison.Ordinal)));
                    try
                    {
                        using var document = JsonDocument.Parse(json);
                    }
                    catch (JsonException exception)
                    {
                        failures.Add($"line {example.Line}: --json printed no single JSON document besides its 'plugsmm:' lines ({exception.Message}):\n{run.Output}");
                    }
                }
            }

            foreach (var panel in panels)
            {
                var exit = await panel.InterruptAsync();
                Assert.True(exit == 0 && panel.Printed.Contains("Stopped.", StringComparison.Ordinal), $"{panel.Command} did not stop cleanly on Ctrl+C (exit {exit}):\n{panel.Printed}");
            }
        }
        finally
        {
            foreach (var panel in panels)
            {
                panel.Dispose();
            }

            Directory.Delete(directory, recursive: true);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {page.Examples.Count} examples of docs/cli.md differ from what the tool did:\n\n" + string.Join("\n\n", failures));
        var unrun = page.InlineCommands.Where(i => !ran.Exists(r => (r + " ").StartsWith(i.Text + " ", StringComparison.Ordinal) || r.Contains("| " + i.Text + " ", StringComparison.Ordinal))).ToList();
        Assert.True(unrun.Count == 0, "docs/cli.md names commands in its text that no example ran (name a command, or show it as a $ line): " + string.Join(", ", unrun.Select(i => $"line {i.Line}: `{i.Text}`")));
        await EveryCommandHasAnExampleAsync(ran);
    }

    /// <summary>Each command of the tool, and each order type of <c>add</c>, as its help lists them, has an example that ran.</summary>
    private static async Task EveryCommandHasAnExampleAsync(List<string> ran)
    {
        var missing = new List<string>();
        foreach (var (prefix, help) in new[] { ("plugsmm", new[] { "--help" }), ("plugsmm add", ["add", "--help"]) })
        {
            var run = await Tool.RunAsync(help);
            var names = Lines(run.Stdout).SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l.Length > 0)
                .Select(l => l.Trim().Split(' ')[0]).Where(n => !(prefix == "plugsmm" && n == "add")).ToList();
            Assert.True(names.Count > 3, run.ToString());
            missing.AddRange(names.Select(n => $"{prefix} {n}").Where(c => !ran.Exists(r => Regex.IsMatch(r, $@"(^|[\s|;&]){Regex.Escape(c)}(\s|$)"))));
        }

        Assert.True(missing.Count == 0, "docs/cli.md has no example running: " + string.Join(", ", missing));
    }

    private static void Check(List<string> failures, Example example, string output, int exitCode, string? port, string directory)
    {
        var problems = new List<string>();
        if (exitCode != example.Exit)
        {
            problems.Add($"exit {exitCode}, the page says {example.Exit}");
        }

        if (example.Output is { } expected && !Matches(expected, output, port, directory))
        {
            problems.Add("the output differs from the page's");
        }

        if (problems.Count > 0)
        {
            failures.Add($"line {example.Line}: $ {example.Command}\n{string.Join("; ", problems)}\n--- page\n{string.Join('\n', example.Output ?? [])}\n--- tool\n{output.TrimEnd()}");
        }
    }

    /// <summary>Whether the output is the page's lines (trailing blanks ignored), with its placeholders and <c>…</c> lines.</summary>
    private static bool Matches(IReadOnlyList<string> expected, string output, string? port, string directory)
    {
        var pattern = new StringBuilder("^");
        foreach (var line in expected)
        {
            if (line.Trim() == Ellipsis)
            {
                pattern.Append(@"(?:[^\n]*\n)*?");
                continue;
            }

            var at = 0;
            foreach (Match placeholder in Placeholder().Matches(line))
            {
                pattern.Append(Regex.Escape(line[at..placeholder.Index]));
                pattern.Append(placeholder.Value switch
                {
                    "<port>" when port is not null => Regex.Escape(port),
                    "<dir>" => Regex.Escape(directory),
                    _ => "[^\n]+?",
                });
                at = placeholder.Index + placeholder.Length;
            }

            pattern.Append(Regex.Escape(line[at..])).Append(@"\n");
        }

        var actual = string.Concat(Lines(output).Select(l => l + "\n"));
        return Regex.IsMatch(actual, pattern.Append('$').ToString(), RegexOptions.None, TimeSpan.FromSeconds(10));
    }

    /// <summary>The lines of a text, each without trailing blanks, without the blank lines at its end.</summary>
    private static List<string> Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static string Substitute(string text, string? port, string directory)
    {
        text = text.Replace("<dir>", directory, StringComparison.Ordinal);
        return port is null ? text : text.Replace("<port>", port, StringComparison.Ordinal);
    }

    /// <summary>Whether every endpoint the line names is the simulated panel's (none named: the environment's, which is).</summary>
    private static bool SendsOnlyToLoopback(string command) =>
        Endpoint().Matches(command).All(m => m.Groups["url"].Value.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));

    private static async Task<(int ExitCode, string Output)> RunBashAsync(string command, string directory, Dictionary<string, string?> environment)
    {
        var start = BashStart($"set -o pipefail\nplugsmm() {{ dotnet '{Tool.Path}' \"$@\"; }}\n{{ {command}\n}} 2>&1", directory, environment);
        using var process = Process.Start(start)!;
        using var guard = new CancellationTokenSource(Guard);
        var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"$ {command} did not exit within {Guard}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>bash -c SCRIPT in the directory, with the tool's variables cleared from the inherited environment and the page's set.</summary>
    private static ProcessStartInfo BashStart(string script, string directory, IReadOnlyDictionary<string, string?> environment)
    {
        Assert.True(File.Exists(Tool.Path), $"The tool is not built at {Tool.Path}: build src/Plugsmm.Cli first.");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PLUGSMM", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    [GeneratedRegex(@"<[a-z][a-z0-9_-]*>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:--base-url[ =]|PLUGSMM_BASE_URL=|Plugsmm__BaseAddress=)(?<url>\S*)")]
    private static partial Regex Endpoint();

    /// <summary>One <c>$</c> line of the page: where, what, the exit code it documents, and the output it shows (null: none shown).</summary>
    private sealed record Example(int Line, string Command, int Exit, IReadOnlyList<string>? Output);

    /// <summary>A <c>`plugsmm …`</c> code span in the page's text: it must be the start of a command an example ran.</summary>
    private sealed record InlineCommand(int Line, string Text);

    /// <summary>
    /// docs/cli.md read into its examples, the commands its text names, and what breaks the page's rules (a command
    /// outside a bash block, text before a block's first command).
    /// </summary>
    private sealed partial record Page(IReadOnlyList<Example> Examples, IReadOnlyList<InlineCommand> InlineCommands, IReadOnlyList<string> Problems)
    {
        public static Page Read()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "cli.md")))
            {
                directory = directory.Parent;
            }

            Assert.True(directory is not null, "docs/cli.md not found above " + AppContext.BaseDirectory);
            return Parse(File.ReadAllLines(Path.Combine(directory.FullName, "docs", "cli.md")));
        }

        private static Page Parse(string[] lines)
        {
            var examples = new List<Example>();
            var problems = new List<string>();
            var inline = new List<InlineCommand>();
            string? fence = null;
            (int Line, string Command, int Exit, List<string> Output)? current = null;

            void Close()
            {
                if (current is { } c)
                {
                    var output = c.Output.Where(l => l.Trim().Length > 0).Any() ? c.Output : null;
                    examples.Add(new Example(c.Line, c.Command, c.Exit, output));
                }

                current = null;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var number = i + 1;
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    if (fence is null)
                    {
                        fence = line.Trim()[3..].Trim();
                    }
                    else
                    {
                        Close();
                        fence = null;
                    }

                    continue;
                }

                if (fence is null)
                {
                    inline.AddRange(InlineCommandSpan().Matches(line).Select(m => new InlineCommand(number, m.Groups[1].Value.Trim())));
                    continue;
                }

                if (fence != "bash")
                {
                    if (line.TrimStart().StartsWith("$ ", StringComparison.Ordinal) || line.TrimStart().StartsWith("plugsmm ", StringComparison.Ordinal))
                    {
                        problems.Add($"line {number}: a command in a ```{fence} block is not run: put examples in ```bash blocks: {line}");
                    }

                    continue;
                }

                if (line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    Close();
                    var exit = ExitComment().Match(line);
                    var command = (exit.Success ? line[..exit.Index] : line)[2..].Trim();
                    current = (number, command, exit.Success ? int.Parse(exit.Groups[1].Value, CultureInfo.InvariantCulture) : 0, []);
                }
                else if (current is { } c)
                {
                    c.Output.Add(line);
                }
                else if (line.Trim().Length > 0)
                {
                    problems.Add($"line {number}: a ```bash block must start with a '$ ' command line: {line}");
                }
            }

            if (fence is not null)
            {
                problems.Add("the page ends inside a ``` block");
            }

            return new Page(examples, inline, problems);
        }

        [GeneratedRegex(@"`(plugsmm [^`]*)`")]
        private static partial Regex InlineCommandSpan();

        [GeneratedRegex(@"\s#\s*exit\s+(\d+)\s*$")]
        private static partial Regex ExitComment();
    }

    /// <summary>A <c>$ plugsmm simulate …</c> example, running in the background until <see cref="InterruptAsync"/>.</summary>
    private sealed class RunningPanel : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _printed = [];
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private RunningPanel(string command, Process process)
        {
            Command = command;
            _process = process;
        }

        public string Command { get; }

        public string? Port { get; private set; }

        /// <summary>Its exit code, if it already exited (it should not have).</summary>
        public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

        /// <summary>What it printed, stdout and stderr, one line each.</summary>
        public string Printed
        {
            get
            {
                lock (_printed)
                {
                    return string.Join('\n', _printed);
                }
            }
        }

        /// <summary>Starts the line (<c>plugsmm simulate …</c>) with bash's word splitting, and waits until it is ready or exits.</summary>
        public static async Task<RunningPanel> StartAsync(string command, string directory)
        {
            var start = BashStart($"exec dotnet '{Tool.Path}' {command["plugsmm ".Length..]}", directory, new Dictionary<string, string?>());
            var panel = new RunningPanel(command, Process.Start(start)!);
            panel._process.OutputDataReceived += (_, e) => panel.Seen(e.Data);
            panel._process.ErrorDataReceived += (_, e) => panel.Seen(e.Data);
            panel._process.BeginOutputReadLine();
            panel._process.BeginErrorReadLine();
            panel._process.StandardInput.Close();
            await Task.WhenAny(panel._ready.Task, panel._process.WaitForExitAsync(), Task.Delay(Guard, TimeProvider.System));
            Assert.True(panel._ready.Task.IsCompleted && panel.Port is not null, $"$ {command} did not print its 'Listening on' and 'Press Ctrl+C to stop.' lines:\n{panel.Printed}");
            return panel;
        }

        /// <summary>Sends Ctrl+C (SIGINT) and waits for it to stop; returns its exit code.</summary>
        public async Task<int> InterruptAsync()
        {
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var guard = new CancellationTokenSource(Guard);
            await _process.WaitForExitAsync(guard.Token);
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Seen(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_printed)
            {
                _printed.Add(line);
            }

            if (Regex.Match(line, @"^Listening on http://127\.0\.0\.1:(\d+)/") is { Success: true } listening)
            {
                Port = listening.Groups[1].Value;
            }

            if (line == "Press Ctrl+C to stop.")
            {
                _ready.TrySetResult();
            }
        }
    }
}
