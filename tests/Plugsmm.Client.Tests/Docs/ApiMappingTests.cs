using System.Reflection;
using System.Text.RegularExpressions;
using Plugsmm.Client.Tests.Repository;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>docs/api-mapping.md's checked tables, against the code: actions, answer fields, order types and their fields, status words.</summary>
public sealed partial class ApiMappingTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api-mapping.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Every_action_row_names_a_method_of_the_client_with_that_return_type()
    {
        var rows = Rows("Actions");
        var methods = typeof(IPlugsmmClient).GetMethods().Where(m => !m.IsSpecialName).ToList();

        Assert.Equal(methods.Count, rows.Count);
        foreach (var row in rows)
        {
            var method = Assert.Single(methods, m => m.Name == Code(row[2]));
            Assert.Equal(Code(row[3]).Split(',')[0], Readable(method.ReturnType.GetGenericArguments()[0]));
        }
    }

    [Fact]
    public void Every_answer_field_row_names_a_json_field_its_actions_reader_reads_and_the_public_property()
    {
        foreach (var row in Rows("Answer fields"))
        {
            var (action, field) = (Code(row[0]), Code(row[1]));
            var read = action switch
            {
                "services" => Names(AnswerJsonContext.Default.ServiceDto).Contains(field),
                "status" => Names(AnswerJsonContext.Default.StatusDto).Except(["error", "message"]).Contains(field),
                "refill_status" => Names(AnswerJsonContext.Default.RefillStatusAnswerDto).Except(["error"]).Contains(field)
                    && Names(AnswerJsonContext.Default.RefillItemDto).Except(["refill"]).Contains(field),
                "balance" => Names(AnswerJsonContext.Default.BalanceDto).Except(["error"]).Contains(field),
                _ => false,
            };
            Assert.True(read, $"the reader of {action} does not read '{Code(row[1])}'");
            var properties = Codes(row[2]);
            var types = Codes(row[3]);
            for (var i = 0; i < properties.Count; i++)
            {
                var (type, property) = (properties[i].Split('.')[0], properties[i].Split('.')[1]);
                var info = typeof(PlugsmmClient).Assembly.GetType("Plugsmm.Client." + type)!.GetProperty(property);
                Assert.True(info is not null, $"{properties[i]} does not exist");
                Assert.Equal(types[i], Readable(info.PropertyType, NullabilityOf(info)));
            }
        }
    }

    [Fact]
    public void Every_order_type_row_names_its_class_and_exactly_the_fields_it_sends()
    {
        var rows = Rows("Order types");
        var classes = typeof(OrderRequest).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(OrderRequest))).ToList();

        Assert.Equal(classes.Count, rows.Count);
        foreach (var row in rows)
        {
            var order = FullSample(Code(row[1]));
            Assert.Equal(Code(row[0]), order.ServiceType);
            var fields = new List<KeyValuePair<string, object?>>();
            order.AppendFields(fields);
            var pairs = FieldPair().Matches(row[2]).Select(m => (Field: m.Groups[1].Value, Property: m.Groups[2].Value)).ToList();
            Assert.Equal(pairs.Select(p => p.Field), fields.Select(f => f.Key));
            Assert.All(pairs, p => Assert.NotNull(order.GetType().GetProperty(p.Property)));
        }
    }

    [Fact]
    public void Every_status_word_row_maps_to_its_state()
    {
        foreach (var row in Rows("Order statuses").Where(r => r[0].StartsWith('`')))
        {
            Assert.All(Codes(row[0]), word => Assert.Equal(Enum.Parse<OrderState>(Code(row[1])), StatusWords.ToOrderState(word)));
        }

        foreach (var row in Rows("Refill statuses").Where(r => r[0].StartsWith('`')))
        {
            Assert.All(Codes(row[0]), word => Assert.Equal(Enum.Parse<RefillState>(Code(row[1])), StatusWords.ToRefillState(word)));
        }

        Assert.Equal(Enum.GetValues<OrderState>().Length - 1, Rows("Order statuses").Select(r => r[1]).Distinct().Count() - 1);
    }

    /// <summary>An instance of the order class with every property set, optional ones included.</summary>
    private static OrderRequest FullSample(string name) => name switch
    {
        nameof(DefaultOrder) => new DefaultOrder { ServiceId = 1, Link = "l", Quantity = 1, Runs = 2, Interval = 3 },
        nameof(PackageOrder) => new PackageOrder { ServiceId = 1, Link = "l" },
        nameof(SeoOrder) => new SeoOrder { ServiceId = 1, Link = "l", Quantity = 1, Keywords = ["k"] },
        nameof(CustomCommentsOrder) => new CustomCommentsOrder { ServiceId = 1, Link = "l", Comments = ["c"] },
        nameof(CustomCommentsPackageOrder) => new CustomCommentsPackageOrder { ServiceId = 1, Link = "l", Comments = ["c"] },
        nameof(MentionsOrder) => new MentionsOrder { ServiceId = 1, Link = "l", Quantity = 1, Usernames = ["u"] },
        nameof(MentionsWithHashtagsOrder) => new MentionsWithHashtagsOrder { ServiceId = 1, Link = "l", Quantity = 1, Usernames = ["u"], Hashtags = ["h"] },
        nameof(MentionsCustomListOrder) => new MentionsCustomListOrder { ServiceId = 1, Link = "l", Usernames = ["u"] },
        nameof(MentionsHashtagOrder) => new MentionsHashtagOrder { ServiceId = 1, Link = "l", Quantity = 1, Hashtag = "h" },
        nameof(MentionsUserFollowersOrder) => new MentionsUserFollowersOrder { ServiceId = 1, Link = "l", Quantity = 1, Username = "u" },
        nameof(MentionsMediaLikersOrder) => new MentionsMediaLikersOrder { ServiceId = 1, Link = "l", Quantity = 1, Media = "m" },
        nameof(CommentLikesOrder) => new CommentLikesOrder { ServiceId = 1, Link = "l", Quantity = 1, Username = "u" },
        nameof(PollOrder) => new PollOrder { ServiceId = 1, Link = "l", Quantity = 1, AnswerNumber = 1 },
        nameof(InvitesFromGroupsOrder) => new InvitesFromGroupsOrder { ServiceId = 1, Link = "l", Quantity = 1, Groups = ["g"] },
        nameof(SubscriptionsOrder) => new SubscriptionsOrder { ServiceId = 1, Username = "u", Min = 1, Max = 2, Posts = 3, OldPosts = 4, Delay = 5, Expiry = new DateOnly(2027, 3, 5) },
        nameof(WebTrafficOrder) => new WebTrafficOrder { ServiceId = 1, Link = "l", Quantity = 1, Runs = 2, Interval = 3, Country = "US", Device = WebTrafficDevice.Desktop, TypeOfTraffic = WebTrafficType.GoogleKeyword, GoogleKeyword = "g", ReferringUrl = "r" },
        _ => throw new InvalidOperationException($"no sample for {name}: add one"),
    };

    /// <summary>The cells of the rows of the first table under the heading.</summary>
    private static List<string[]> Rows(string heading)
    {
        var at = Regex.Match(Page, $"^#+ {Regex.Escape(heading)}( \\*\\(checked\\)\\*)?\n", RegexOptions.Multiline);
        Assert.True(at.Success, $"no heading '{heading}'");
        return Page[(at.Index + at.Length)..].Split('\n')
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Skip(2)
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())
            .ToList();
    }

    /// <summary>The JSON property names the answer's source-generated type reads.</summary>
    private static IEnumerable<string> Names(System.Text.Json.Serialization.Metadata.JsonTypeInfo type) => type.Properties.Select(p => p.Name);

    private static string Code(string cell) => Codes(cell)[0];

    private static List<string> Codes(string cell) => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value).ToList();

    private static string Readable(Type type, bool nullable = false)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Readable(inner) + "?";
        }

        var name = type switch
        {
            _ when type == typeof(long) => "long",
            _ when type == typeof(string) => "string",
            _ when type == typeof(decimal) => "decimal",
            _ when type == typeof(bool) => "bool",
            { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(t => Readable(t)))}>",
            _ => type.Name,
        };
        return nullable ? name + "?" : name;
    }

    private static bool NullabilityOf(PropertyInfo property) =>
        !property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;

    [GeneratedRegex(@"`(\w+)` \(`(\w+)`\)")]
    private static partial Regex FieldPair();
}
