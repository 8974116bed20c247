using Plugsmm.Client;

namespace Plugsmm.Sample;

/// <summary>The sample's main job for now: one boost order, encoded as PHP's http_build_query writes it.</summary>
public static class EncodingDemo
{
    /// <summary>A stand-in key: the demo needs no account. Real keys come from PLUGSMMS_API_KEY.</summary>
    private const string DemoKey = "0123456789abcdef0123456789abcdef";

    /// <summary>Writes the demo to <paramref name="output"/> and returns the process exit code.</summary>
    public static int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        KeyValuePair<string, object?>[] order =
        [
            new("key", DemoKey),
            new("action", "add"),
            new("service", 1),
            new("link", "https://instagram.com/p/Cx~9?utm_source=bot&ref=a b#top"),
            new("quantity", 100),
            new("comments", "Great post! 🔥\nLove it ❤️"),
        ];

        output.WriteLine("Plugsmm.Client sample: a boost order as the panel receives it.");
        output.WriteLine();
        foreach (var (name, value) in order)
        {
            var shown = name == "key" ? Mask(DemoKey) : value?.ToString()?.ReplaceLineEndings("\\n");
            output.WriteLine($"  {name,-10} {shown}");
        }

        output.WriteLine();
        output.WriteLine("Body (application/x-www-form-urlencoded, byte for byte what PHP's http_build_query writes):");
        output.WriteLine("  " + PhpFormEncoder.Encode(order).Replace(DemoKey, Mask(DemoKey), StringComparison.Ordinal));
        return 0;
    }

    /// <summary>Never print a key: its first four characters and a mask are enough to tell keys apart.</summary>
    private static string Mask(string key) => key[..4] + "…(masked)";
}
