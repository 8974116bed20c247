using System.Text.Json;
using System.Text.Json.Nodes;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>
/// The size of a reliability run, and where its figures go. The normal test run is the seed-stable slice;
/// <c>PLUGSMM_RELIABILITY=full</c> runs the large sizes. When <c>PLUGSMM_RELIABILITY_OUT</c> names a directory, each
/// part writes its figures there (<c>NN-part.json</c> and a Markdown section <c>NN-part.md</c>), from which
/// <c>tests/reliability.sh</c> builds docs/reliability.md.
/// </summary>
internal static class Figures
{
    public static bool Full { get; } = string.Equals(Environment.GetEnvironmentVariable("PLUGSMM_RELIABILITY"), "full", StringComparison.OrdinalIgnoreCase);

    public static string RunName => Full ? "full" : "normal";

    /// <summary>Picks the size for this run.</summary>
    public static int Size(int normal, int full) => Full ? full : normal;

    public static void Write(string part, JsonObject figures, string markdown)
    {
        var directory = Environment.GetEnvironmentVariable("PLUGSMM_RELIABILITY_OUT");
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        figures["run"] = RunName;
        File.WriteAllText(Path.Combine(directory, part + ".json"), figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(directory, part + ".md"), markdown.TrimEnd() + "\n");
    }
}
