using System.CommandLine;

namespace Plugsmm.Cli;

/// <summary>The options of one <c>add</c> subcommand, named after the panel's fields; each adds itself to the command.</summary>
internal sealed class OrderFields(Command command)
{
    public Option<string> Link(string description = "The link to deliver to (a post, profile, video, channel).") =>
        Add(ValueParsers.Text("--link", description, required: true, helpName: "URL"));

    public Option<long?> Quantity(string description = "How many units (with drip-feed, per run).") =>
        Add(ValueParsers.Long("--quantity", description, 1, long.MaxValue, required: true));

    public Option<int?> Runs() => Add(ValueParsers.Int("--runs", "Drip-feed: how many runs (with --interval).", 1, int.MaxValue));

    public Option<int?> Interval() => Add(ValueParsers.Int("--interval", "Drip-feed: minutes between runs (with --runs).", 1, int.MaxValue));

    public Option<string> CommentsFile() => Add(ValueParsers.Text("--comments-file", "A file with one comment per line (- for stdin); blank lines are skipped.", required: true, helpName: "FILE"));

    public Option<string[]> List(string name, string description) => Add(ValueParsers.List(name, description + " Comma-separated; the flag may be repeated.", required: true));

    public Option<string> Text(string name, string description, bool required = true, string helpName = "TEXT") => Add(ValueParsers.Text(name, description, required, helpName));

    public Option<long?> Long(string name, string description, long min, long max, bool required = true) => Add(ValueParsers.Long(name, description, min, max, required));

    public Option<int?> Int(string name, string description, int min, int max, bool required = true) => Add(ValueParsers.Int(name, description, min, max, required));

    public Option<DateOnly?> Date(string name, string description) => Add(ValueParsers.Date(name, description));

    private T Add<T>(T option)
        where T : Option
    {
        // The panel's own field name as an alias where it differs (--answer_number for --answer-number).
        var field = option.Name[2..].Replace('-', '_');
        if (field != option.Name[2..])
        {
            option.Aliases.Add("--" + field);
        }

        command.Add(option);
        return option;
    }
}
