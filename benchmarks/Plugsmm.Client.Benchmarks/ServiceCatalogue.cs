using System.Globalization;
using System.Text;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// <c>benchmarks/data/services-10000.json</c>: a 10,000-service <c>services</c> answer, generated deterministically
/// (fixed seed, no clock) as a PHP panel writes it: <c>json_encode</c>'s defaults (non-ASCII as <c>\uXXXX</c>,
/// <c>/</c> as <c>\/</c>), rate/min/max as strings, realistic names and categories. About 2.5 MB.
/// </summary>
internal static class ServiceCatalogue
{
    /// <summary>Services in the file.</summary>
    public const int Services = 10_000;

    /// <summary>The data file's path from the repository root.</summary>
    public const string RelativePath = "benchmarks/data/services-10000.json";

    /// <summary>Overrides where the data file is looked for (BenchmarkDotNet runs benchmarks from a generated project).</summary>
    public const string PathVariable = "PLUGSMM_SERVICES";

    private static readonly string[] Platforms = ["Instagram", "TikTok", "YouTube", "Telegram", "Facebook", "Twitter/X", "Spotify", "Twitch", "Threads", "LinkedIn", "Discord", "SoundCloud"];
    private static readonly string[] Products = ["Followers", "Likes", "Views", "Comments", "Shares", "Saves", "Story Views", "Reel Views", "Live Stream Viewers", "Subscribers", "Members", "Post Reactions", "Impressions / Reach", "Plays", "Watch Time (Hours)"];
    private static readonly string[] Qualities = ["Real HQ", "Mixed Quality", "Bots", "Premium 🔥", "Targeted 🇺🇸 USA", "Targeted 🇧🇷 Brazil", "Arab Users", "Türkiye — Real", "Non Drop ♻️", "Cheapest ⚡", "Élite Profiles", "Asia / Global"];
    private static readonly string[] Tags = ["[Refill: 30 Days]", "[Refill: Lifetime ♻️]", "[No Refill]", "[Max: 500K]", "[Max: 10M]", "[Speed: 50K/Day]", "[Speed: 1K/Hour]", "[Start: 0-1 Hr]", "[Start: Instant ⚡]", "[Drop: 0-5%]", "[Cancel Enabled]"];
    private static readonly string[] Types = ["Default", "Default", "Default", "Default", "Custom Comments", "Package", "Mentions", "Comment Likes", "Poll", "Subscriptions", "Custom Comments Package", "Web Traffic"];
    private static readonly string[] Rates = ["0.0125", "0.09", "0.45", "0.90", "1.2", "2.75", "4.9995", "12.50", "38", "120.00"];
    private static readonly string[] Mins = ["10", "20", "50", "100", "500", "1000"];
    private static readonly string[] Maxes = ["1000", "5000", "10000", "50000", "100000", "500000", "1000000", "10000000"];

    /// <summary>Finds the data file: <see cref="PathVariable"/>, else under the first parent folder of the current directory or of this assembly that holds <c>benchmarks/</c>.</summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{RelativePath} not found: generate it with --generate-services, or set {PathVariable}.");
    }

    /// <summary>Writes the data file; the same bytes on every run.</summary>
    public static int WriteDataFile(string path)
    {
        var bytes = Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, bytes);
        Console.WriteLine($"{path}: {Services} services, {bytes.Length} bytes");
        return 0;
    }

    /// <summary>The answer's bytes.</summary>
    public static byte[] Generate()
    {
        // A small LCG rather than System.Random, so the bytes cannot change with the runtime.
        var state = 0x2545F4914F6CDD1DUL;
        int Next(int bound)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            return (int)((state >> 33) % (ulong)bound);
        }

        var json = new StringBuilder(3 * 1024 * 1024).Append('[');
        for (var i = 0; i < Services; i++)
        {
            var platform = Platforms[Next(Platforms.Length)];
            var product = Products[Next(Products.Length)];
            var name = $"{platform} {product} | {Qualities[Next(Qualities.Length)]} {Tags[Next(Tags.Length)]} {Tags[Next(Tags.Length)]} - {(Next(90) + 1) * 1000}/Day";
            var category = $"{platform} {product}{(Next(3) == 0 ? " [Refill]" : string.Empty)}{(Next(4) == 0 ? " 🔥 Best Sellers" : string.Empty)}";
            json.Append(i == 0 ? "{" : ",{")
                .Append(CultureInfo.InvariantCulture, $"\"service\":{1 + i + (i / 7)},\"name\":");
            AppendPhpString(json, name);
            json.Append(",\"type\":");
            AppendPhpString(json, Types[Next(Types.Length)]);
            json.Append(",\"category\":");
            AppendPhpString(json, category);
            json.Append(",\"rate\":\"").Append(Rates[Next(Rates.Length)])
                .Append("\",\"min\":\"").Append(Mins[Next(Mins.Length)])
                .Append("\",\"max\":\"").Append(Maxes[Next(Maxes.Length)])
                .Append("\",\"refill\":").Append(Next(2) == 0 ? "true" : "false")
                .Append(",\"cancel\":").Append(Next(2) == 0 ? "true" : "false")
                .Append(",\"dripfeed\":").Append(Next(3) == 0 ? "true" : "false")
                .Append('}');
        }

        return Encoding.ASCII.GetBytes(json.Append(']').ToString());
    }

    /// <summary>As PHP's <c>json_encode</c> with no flags: <c>\/</c>, and every non-ASCII UTF-16 unit as <c>\uXXXX</c>.</summary>
    private static void AppendPhpString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '/': json.Append("\\/"); break;
                case < ' ' or > '~': json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }
}
