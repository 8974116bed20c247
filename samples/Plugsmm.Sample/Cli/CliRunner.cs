using System.Globalization;
using System.Text.Json;
using Plugsmm.Client;

namespace Plugsmm.Sample.Cli;

/// <summary>
/// The sample's commands for a real panel: <c>services</c>, <c>balance</c>, <c>add</c>, <c>status</c>, <c>refill</c>,
/// <c>refill-status</c>, <c>cancel</c>; <c>--json</c> for scripts, <c>--base-url</c> for any compatible panel. The key
/// comes from <c>PLUGSMMS_API_KEY</c> and is never printed.
/// </summary>
public static class CliRunner
{
    public const string Usage = """
        Usage: Plugsmm.Sample [command] [options]
          (no command, no PLUGSMMS_API_KEY)   the demo on a simulated panel
          bot                                 the bot: order tracking, balance monitor, Telegram when TELEGRAM_BOT_TOKEN is set
          services | balance
          add --service ID [--type "Default"] --link URL --quantity N [--runs N --interval MIN]
              [--comments-file FILE] [--usernames a,b] [--hashtags a,b] [--hashtag H] [--username U] [--media URL]
              [--answer-number N] [--groups a,b] [--keywords a,b] [--min N --max N --posts N --old-posts N --delay MIN --expiry YYYY-MM-DD]
              [--country C --device N --type-of-traffic N --google-keyword K --referring-url URL]
          status ID[,ID...] | refill ID[,ID...] | refill-status ID[,ID...] | cancel ID[,ID...]
        Options: --json  --base-url URL (default https://plugsmmservice.com/api/v2)
        Environment: PLUGSMMS_API_KEY (required for commands), PLUGSMM_USE_NEW_API=false (legacy encoding)
        """;

    /// <summary>Runs one command; returns the exit code (0 ok, 2 the panel failed, 64 bad usage).</summary>
    public static async Task<int> RunAsync(string[] args, IPlugsmmClient client, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(client);
        var options = Options.Parse(args.Skip(1));
        var json = options.Flag("json");
        try
        {
            switch (args[0])
            {
                case "services":
                    var services = await client.GetServicesAsync(cancellationToken).ConfigureAwait(false);
                    Write(output, json, services.Select(s => new Dictionary<string, object?>
                    {
                        ["id"] = s.Id, ["name"] = s.Name, ["type"] = s.Type, ["category"] = s.Category, ["rate"] = s.RatePer1000,
                        ["min"] = s.Min, ["max"] = s.Max, ["refill"] = s.Refill, ["cancel"] = s.Cancel, ["dripfeed"] = s.DripFeed,
                    }));
                    return 0;
                case "balance":
                    var balance = await client.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
                    Write(output, json, [new Dictionary<string, object?> { ["balance"] = balance.Amount, ["currency"] = balance.Currency }]);
                    return 0;
                case "add":
                    var order = await client.AddOrderAsync(BuildOrder(options), cancellationToken).ConfigureAwait(false);
                    Write(output, json, [new Dictionary<string, object?> { ["order"] = order }]);
                    return 0;
                case "status":
                    var statuses = await client.GetOrderStatusesAsync(Ids(args), cancellationToken).ConfigureAwait(false);
                    Write(output, json, statuses.Select(s => s.IsSuccess
                        ? new Dictionary<string, object?> { ["order"] = s.Id, ["status"] = s.Value.StatusText, ["charge"] = s.Value.Charge, ["start_count"] = s.Value.StartCount, ["remains"] = s.Value.Remains, ["currency"] = s.Value.Currency }
                        : new Dictionary<string, object?> { ["order"] = s.Id, ["error"] = s.Error }));
                    return 0;
                case "refill":
                    var refills = await client.RefillOrdersAsync(Ids(args), cancellationToken).ConfigureAwait(false);
                    Write(output, json, refills.Select(r => new Dictionary<string, object?> { ["order"] = r.Id, [r.IsSuccess ? "refill" : "error"] = r.IsSuccess ? r.Value : r.Error }));
                    return 0;
                case "refill-status":
                    var refillStatuses = await client.GetRefillStatusesAsync(Ids(args), cancellationToken).ConfigureAwait(false);
                    Write(output, json, refillStatuses.Select(r => new Dictionary<string, object?> { ["refill"] = r.Id, [r.IsSuccess ? "status" : "error"] = r.IsSuccess ? r.Value.StatusText : r.Error }));
                    return 0;
                case "cancel":
                    var cancels = await client.CancelOrdersAsync(Ids(args), cancellationToken).ConfigureAwait(false);
                    Write(output, json, cancels.Select(c => new Dictionary<string, object?> { ["order"] = c.Id, [c.IsSuccess ? "cancel" : "error"] = c.IsSuccess ? c.Value : c.Error }));
                    return 0;
                default:
                    errors.WriteLine($"Unknown command '{args[0]}'.");
                    errors.WriteLine(Usage);
                    return 64;
            }
        }
        catch (PlugsmmException exception)
        {
            // The admin detail, never the key (the exception never holds it).
            errors.WriteLine($"error_type={exception.Kind} reason={exception.Reason} status_code={exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} outcome_unknown={exception.OutcomeUnknown} correlation_id={exception.CorrelationId}");
            errors.WriteLine(exception.Message);
            if (exception.ResponsePreview is { Length: > 0 } preview)
            {
                errors.WriteLine("response_preview=" + preview);
            }

            return 2;
        }
        catch (ArgumentException exception)
        {
            errors.WriteLine(exception.Message);
            return 64;
        }
    }

    private static OrderRequest BuildOrder(Options o)
    {
        var service = o.Long("service") ?? throw new ArgumentException("add needs --service.");
        var type = o.Text("type") ?? "Default";
        return type.ToLowerInvariant() switch
        {
            "default" => new DefaultOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Runs = o.Int("runs"), Interval = o.Int("interval") },
            "package" => new PackageOrder { ServiceId = service, Link = o.Required("link") },
            "custom comments" => new CustomCommentsOrder { ServiceId = service, Link = o.Required("link"), Comments = Comments(o) },
            "custom comments package" => new CustomCommentsPackageOrder { ServiceId = service, Link = o.Required("link"), Comments = Comments(o) },
            "mentions" => new MentionsOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Usernames = o.List("usernames") },
            "mentions with hashtags" => new MentionsWithHashtagsOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Usernames = o.List("usernames"), Hashtags = o.List("hashtags") },
            "mentions custom list" => new MentionsCustomListOrder { ServiceId = service, Link = o.Required("link"), Usernames = o.List("usernames") },
            "mentions hashtag" => new MentionsHashtagOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Hashtag = o.Required("hashtag") },
            "mentions user followers" => new MentionsUserFollowersOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Username = o.Required("username") },
            "mentions media likers" => new MentionsMediaLikersOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Media = o.Required("media") },
            "comment likes" => new CommentLikesOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Username = o.Required("username") },
            "poll" => new PollOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, AnswerNumber = o.Int("answer-number") ?? 0 },
            "invites from groups" => new InvitesFromGroupsOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Groups = o.List("groups") },
            "seo" => new SeoOrder { ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Keywords = o.List("keywords") },
            "subscriptions" => new SubscriptionsOrder
            {
                ServiceId = service, Username = o.Required("username"), Min = o.Int("min") ?? 0, Max = o.Int("max") ?? 0, Posts = o.Int("posts"), OldPosts = o.Int("old-posts"),
                Delay = o.Int("delay") ?? 0, Expiry = o.Text("expiry") is { } expiry ? DateOnly.ParseExact(expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            },
            "web traffic" => new WebTrafficOrder
            {
                ServiceId = service, Link = o.Required("link"), Quantity = o.Int("quantity") ?? 0, Runs = o.Int("runs"), Interval = o.Int("interval"), Country = o.Required("country"),
                Device = o.Int("device") ?? 0, TypeOfTraffic = o.Int("type-of-traffic") ?? 0, GoogleKeyword = o.Text("google-keyword"), ReferringUrl = o.Text("referring-url"),
            },
            _ => throw new ArgumentException($"Unknown --type '{type}'."),
        };
    }

    private static List<string> Comments(Options o) =>
        o.Text("comments-file") is { } file
            ? File.ReadAllLines(file).Where(line => line.Trim().Length > 0).ToList()
            : o.List("comments");

    private static List<long> Ids(string[] args) =>
        args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
            ? throw new ArgumentException($"{args[0]} needs ids: {args[0]} 1,2,3")
            : args[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"'{id}' is not an id."))
                .ToList();

    private static void Write(TextWriter output, bool json, IEnumerable<Dictionary<string, object?>> rows)
    {
        var list = rows.ToList();
        if (json)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartArray();
                foreach (var row in list)
                {
                    writer.WriteStartObject();
                    foreach (var (key, value) in row)
                    {
                        writer.WritePropertyName(key);
                        switch (value)
                        {
                            case null: writer.WriteNullValue(); break;
                            case string text: writer.WriteStringValue(text); break;
                            case bool flag: writer.WriteBooleanValue(flag); break;
                            case decimal number: writer.WriteNumberValue(number); break;
                            case long number: writer.WriteNumberValue(number); break;
                            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                        }
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        foreach (var row in list)
        {
            output.WriteLine(string.Join("  ", row.Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")));
        }
    }

    /// <summary><c>--name value</c> and <c>--flag</c> options.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public static Options Parse(IEnumerable<string> args)
        {
            var options = new Options();
            string? pending = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    if (pending is not null)
                    {
                        options._values[pending] = null;
                    }

                    pending = arg[2..];
                }
                else if (pending is not null)
                {
                    options._values[pending] = arg;
                    pending = null;
                }
            }

            if (pending is not null)
            {
                options._values[pending] = null;
            }

            return options;
        }

        public bool Flag(string name) => _values.ContainsKey(name);

        public string? Text(string name) => _values.GetValueOrDefault(name);

        public string Required(string name) => Text(name) ?? throw new ArgumentException($"add needs --{name}.");

        public int? Int(string name) => Text(name) is { } text
            ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} must be a whole number (was '{text}').")
            : null;

        public long? Long(string name) => Int(name);

        public List<string> List(string name) =>
            Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
    }
}
