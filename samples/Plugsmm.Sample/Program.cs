// The sample host. Until the client, the simulated panel and the bot land (issues 4, 7, 8), its main job
// shows what every request of the SDK goes through: a boost order encoded exactly as the PHP panel reads it.
using Plugsmm.Client;

KeyValuePair<string, object?>[] order =
[
    new("key", "demo-key-not-a-secret"),
    new("action", "add"),
    new("service", 1),
    new("link", "https://instagram.com/p/Cx~9?utm_source=bot&ref=a b#top"),
    new("quantity", 100),
    new("comments", "Great post! 🔥\nLove it ❤️"),
];

Console.WriteLine("Plugsmm.Client sample: a boost order encoded as PHP's http_build_query writes it.");
Console.WriteLine();
foreach (var (name, value) in order)
{
    Console.WriteLine($"  {name,-10} {value?.ToString()?.ReplaceLineEndings("\\n")}");
}

Console.WriteLine();
Console.WriteLine("Body sent to the panel (application/x-www-form-urlencoded):");
Console.WriteLine(PhpFormEncoder.Encode(order).Replace("&key=", "&key=", StringComparison.Ordinal).Replace("demo-key-not-a-secret", "***", StringComparison.Ordinal));
return 0;
