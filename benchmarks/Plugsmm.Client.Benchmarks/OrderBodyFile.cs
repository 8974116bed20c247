using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// Reads and writes <c>benchmarks/data/order-bodies.jsonl</c>: one field set a line, in the tagged JSON form of
/// <c>tests/Plugsmm.Client.Tests/Differential/php/build_query.php</c>, so that PHP and .NET read the same typed values.
/// </summary>
/// <remarks>
/// A line is <c>[[key, value], …]</c>; a value is an object with one tag: <c>s</c> string, <c>i</c> integer digits
/// (<c>t</c> names the .NET type), <c>d</c> double as 16 hex digits of its big-endian IEEE 754 bits, <c>m</c> decimal
/// text, <c>b</c> bool, <c>n</c> null, <c>l</c> list, <c>o</c> map as <c>[[key, value], …]</c>.
/// </remarks>
internal static class OrderBodyFile
{
    /// <summary>The data file's path from the repository root.</summary>
    public const string RelativePath = "benchmarks/data/order-bodies.jsonl";

    /// <summary>Overrides where the data file is looked for (BenchmarkDotNet runs benchmarks from a generated project).</summary>
    public const string PathVariable = "PLUGSMM_ORDER_BODIES";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Finds the data file: <see cref="PathVariable"/>, else the first parent folder of the current directory or of this assembly that holds it.</summary>
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
                if (File.Exists(candidate) || Directory.Exists(Path.Combine(folder.FullName, "benchmarks", "Plugsmm.Client.Benchmarks")))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Cannot find {RelativePath} above {Environment.CurrentDirectory}; set {PathVariable}.");
    }

    public static List<KeyValuePair<string, object?>[]> Load(string path)
    {
        var bodies = new List<KeyValuePair<string, object?>[]>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            bodies.Add(ReadPairs(document.RootElement));
        }

        return bodies;
    }

    public static void Save(string path, IEnumerable<IReadOnlyList<KeyValuePair<string, object?>>> bodies)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        foreach (var body in bodies)
        {
            using (var writer = new Utf8JsonWriter(file, WriterOptions))
            {
                WritePairs(writer, body);
            }

            file.WriteByte((byte)'\n');
        }
    }

    private static KeyValuePair<string, object?>[] ReadPairs(JsonElement pairs) =>
        [.. pairs.EnumerateArray().Select(p => new KeyValuePair<string, object?>(p[0].GetString()!, ReadValue(p[1])))];

    private static object? ReadValue(JsonElement tagged)
    {
        var type = tagged.TryGetProperty("t", out var t) ? t.GetString() : null;
        var property = tagged.EnumerateObject().First(p => p.Name is not ("t" or "r"));
        var value = property.Value;
        return property.Name switch
        {
            "n" => null,
            "s" => value.GetString(),
            "b" => value.GetBoolean(),
            "m" => decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            "d" => BinaryPrimitives.ReadDoubleBigEndian(Convert.FromHexString(value.GetString()!)),
            "i" when type is null or nameof(Int32) => int.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            "i" when type == nameof(Int64) => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            "l" => value.EnumerateArray().Select(ReadValue).ToList(),
            "o" => ReadPairs(value),
            _ => throw new NotSupportedException($"Unsupported tag '{property.Name}' (type {type ?? "none"}) in {RelativePath}."),
        };
    }

    private static void WritePairs(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        writer.WriteStartArray();
        foreach (var (key, value) in pairs)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(key);
            writer.WriteStartObject();
            switch (value)
            {
                case string text:
                    writer.WriteString("s", text);
                    break;
                case int number:
                    writer.WriteString("i", number.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString("t", nameof(Int32));
                    break;
                default:
                    throw new NotSupportedException($"The body generator writes strings and ints only, not {value?.GetType().Name ?? "null"}.");
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
