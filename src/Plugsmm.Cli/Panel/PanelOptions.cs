using System.CommandLine;

namespace Plugsmm.Cli;

/// <summary>The options every command that talks to a panel takes: where, which key file, and how to print.</summary>
internal sealed class PanelOptions
{
    public const string BaseUrlVariable = "PLUGSMM_BASE_URL";

    public Option<Uri?> BaseUrl { get; } = ValueParsers.Url(
        "--base-url",
        $"The panel's API endpoint (env {BaseUrlVariable}; default {new Plugsmm.Client.PlugsmmClientOptions().BaseAddress}).");

    public Option<string> KeyFile { get; } = ValueParsers.Text(
        "--key-file",
        $"A file holding the API key (env {ApiKeySource.KeyFileVariable}); otherwise the key comes from env {Plugsmm.Client.PlugsmmClientOptions.ApiKeyVariable}.",
        helpName: "FILE");

    public Option<bool> Json { get; } = new("--json") { Description = "Write exactly one JSON document to stdout (errors and logs go to stderr)." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show the client's logs (requests, retries, warnings) on stderr." };

    /// <summary>Adds these options to a command (each command its own instances, so help lists them under it).</summary>
    public static PanelOptions AddTo(Command command)
    {
        var options = new PanelOptions();
        command.Add(options.BaseUrl);
        command.Add(options.KeyFile);
        command.Add(options.Json);
        command.Add(options.Verbose);
        return options;
    }
}
