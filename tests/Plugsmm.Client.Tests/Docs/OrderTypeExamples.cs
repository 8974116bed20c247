using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>
/// The example of docs/actions.md for every order type, placed on a simulated panel whose catalogue has a service
/// of that type; each checks the fields the panel received (as PHP parsed them).
/// </summary>
public sealed class OrderTypeExamples : IAsyncLifetime
{
    private readonly SimulatedPanel _panel = SimulatedPanel.CreateDefault();
    private PlugsmmClient _client = null!;

    public Task InitializeAsync()
    {
        (long Id, string Type)[] more =
        [
            (10, "SEO"), (11, "Custom Comments Package"), (12, "Mentions"), (13, "Mentions with Hashtags"), (14, "Mentions Custom List"),
            (15, "Mentions Hashtag"), (16, "Mentions User Followers"), (17, "Mentions Media Likers"), (18, "Comment Likes"), (19, "Poll"),
            (20, "Invites from Groups"), (21, "Web Traffic"),
        ];
        foreach (var (id, type) in more)
        {
            _panel.Services.Add(new SimulatedService { Id = id, Type = type, Name = type, Min = 10, Max = 100_000 });
        }

        _client = _panel.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _panel.DisposeAsync();

    private IReadOnlyDictionary<string, string> Sent => _panel.Orders[^1].Fields;

    [Fact]
    public async Task Default()
    {
        var client = _client;
        // docs/actions.md: Default
        long orderId = await client.AddOrderAsync(new DefaultOrder
        {
            ServiceId = 1,
            Link = "https://instagram.com/p/Cx~9?utm_source=bot",
            Quantity = 1000,
        });
        // end
        Assert.Equal(23501, orderId);
        Assert.Equal("https://instagram.com/p/Cx~9?utm_source=bot", Sent["link"]);
        Assert.Equal("1000", Sent["quantity"]);
    }

    [Fact]
    public async Task Default_with_drip_feed()
    {
        var client = _client;
        // docs/actions.md: drip-feed
        long orderId = await client.AddOrderAsync(new DefaultOrder
        {
            ServiceId = 3,
            Link = "https://www.tiktok.com/@alice/video/7301",
            Quantity = 1000,   // per run
            Runs = 5,
            Interval = 60,     // minutes between runs
        });
        // end
        Assert.Equal(5000, _panel.Orders[^1].Quantity);
        Assert.Equal(("5", "60"), (Sent["runs"], Sent["interval"]));
    }

    [Fact]
    public async Task Package()
    {
        var client = _client;
        // docs/actions.md: Package
        long orderId = await client.AddOrderAsync(new PackageOrder { ServiceId = 5, Link = "https://t.me/alice_channel" });
        // end
        Assert.Equal(["action", "key", "link", "service"], Sent.Keys.Order());
    }

    [Fact]
    public async Task Seo()
    {
        var client = _client;
        // docs/actions.md: SEO
        long orderId = await client.AddOrderAsync(new SeoOrder
        {
            ServiceId = 10,
            Link = "https://example.com/shop",
            Quantity = 500,
            Keywords = ["smm panel", "buy followers"],   // sent one per line
        });
        // end
        Assert.Equal("smm panel\nbuy followers", Sent["keywords"]);
    }

    [Fact]
    public async Task Custom_comments()
    {
        var client = _client;
        // docs/actions.md: Custom Comments
        long orderId = await client.AddOrderAsync(new CustomCommentsOrder
        {
            ServiceId = 4,
            Link = "https://instagram.com/p/Cx~9",
            Comments = ["Great post! 🔥", "Love it ❤️", "Where is this?"],   // one comment each; no line breaks inside
        });
        // end
        Assert.Equal("Great post! 🔥\nLove it ❤️\nWhere is this?", Sent["comments"]);
        Assert.Equal(3, _panel.Orders[^1].Quantity);
    }

    [Fact]
    public async Task Custom_comments_package()
    {
        var client = _client;
        // docs/actions.md: Custom Comments Package
        long orderId = await client.AddOrderAsync(new CustomCommentsPackageOrder
        {
            ServiceId = 11,
            Link = "https://instagram.com/p/Cx~9",
            Comments = ["Amazing!", "So true"],
        });
        // end
        Assert.Equal("Amazing!\nSo true", Sent["comments"]);
    }

    [Fact]
    public async Task Mentions()
    {
        var client = _client;
        // docs/actions.md: Mentions
        long orderId = await client.AddOrderAsync(new MentionsOrder
        {
            ServiceId = 12,
            Link = "https://instagram.com/p/Cx~9",
            Quantity = 100,
            Usernames = ["alice", "bob"],
        });
        // end
        Assert.Equal(("100", "alice\nbob"), (Sent["quantity"], Sent["usernames"]));
    }

    [Fact]
    public async Task Mentions_with_hashtags()
    {
        var client = _client;
        // docs/actions.md: Mentions with Hashtags
        long orderId = await client.AddOrderAsync(new MentionsWithHashtagsOrder
        {
            ServiceId = 13,
            Link = "https://instagram.com/p/Cx~9",
            Quantity = 100,
            Usernames = ["alice", "bob"],
            Hashtags = ["travel", "sunset"],
        });
        // end
        Assert.Equal(("alice\nbob", "travel\nsunset"), (Sent["usernames"], Sent["hashtags"]));
    }

    [Fact]
    public async Task Mentions_custom_list()
    {
        var client = _client;
        // docs/actions.md: Mentions Custom List
        long orderId = await client.AddOrderAsync(new MentionsCustomListOrder
        {
            ServiceId = 14,
            Link = "https://instagram.com/p/Cx~9",
            Usernames = ["alice", "bob", "carol"],   // exactly these: no quantity
        });
        // end
        Assert.Equal("alice\nbob\ncarol", Sent["usernames"]);
        Assert.False(Sent.ContainsKey("quantity"));
    }

    [Fact]
    public async Task Mentions_hashtag()
    {
        var client = _client;
        // docs/actions.md: Mentions Hashtag
        long orderId = await client.AddOrderAsync(new MentionsHashtagOrder
        {
            ServiceId = 15,
            Link = "https://instagram.com/p/Cx~9",
            Quantity = 100,
            Hashtag = "travel",
        });
        // end
        Assert.Equal("travel", Sent["hashtag"]);
    }

    [Fact]
    public async Task Mentions_user_followers()
    {
        var client = _client;
        // docs/actions.md: Mentions User Followers
        long orderId = await client.AddOrderAsync(new MentionsUserFollowersOrder
        {
            ServiceId = 16,
            Link = "https://instagram.com/p/Cx~9",
            Quantity = 100,
            Username = "natgeo",   // whose followers are mentioned
        });
        // end
        Assert.Equal("natgeo", Sent["username"]);
    }

    [Fact]
    public async Task Mentions_media_likers()
    {
        var client = _client;
        // docs/actions.md: Mentions Media Likers
        long orderId = await client.AddOrderAsync(new MentionsMediaLikersOrder
        {
            ServiceId = 17,
            Link = "https://instagram.com/p/Cx~9",
            Quantity = 100,
            Media = "https://instagram.com/p/Other1",   // whose likers are mentioned
        });
        // end
        Assert.Equal("https://instagram.com/p/Other1", Sent["media"]);
    }

    [Fact]
    public async Task Comment_likes()
    {
        var client = _client;
        // docs/actions.md: Comment Likes
        long orderId = await client.AddOrderAsync(new CommentLikesOrder
        {
            ServiceId = 18,
            Link = "https://instagram.com/p/Cx~9",
            Quantity = 50,
            Username = "alice",   // the owner of the comment to like
        });
        // end
        Assert.Equal(("50", "alice"), (Sent["quantity"], Sent["username"]));
    }

    [Fact]
    public async Task Poll()
    {
        var client = _client;
        // docs/actions.md: Poll
        long orderId = await client.AddOrderAsync(new PollOrder
        {
            ServiceId = 19,
            Link = "https://t.me/alice_channel/123",
            Quantity = 100,
            AnswerNumber = 2,   // 1 is the first answer
        });
        // end
        Assert.Equal("2", Sent["answer_number"]);
    }

    [Fact]
    public async Task Invites_from_groups()
    {
        var client = _client;
        // docs/actions.md: Invites from Groups
        long orderId = await client.AddOrderAsync(new InvitesFromGroupsOrder
        {
            ServiceId = 20,
            Link = "https://t.me/my_group",
            Quantity = 100,
            Groups = ["https://t.me/group_a", "https://t.me/group_b"],
        });
        // end
        Assert.Equal("https://t.me/group_a\nhttps://t.me/group_b", Sent["groups"]);
    }

    [Fact]
    public async Task Subscriptions()
    {
        var client = _client;
        // docs/actions.md: Subscriptions
        long orderId = await client.AddOrderAsync(new SubscriptionsOrder
        {
            ServiceId = 6,
            Username = "alice",             // no link: the panel follows the user's new posts
            Min = 100,
            Max = 200,                      // units per post
            Posts = 10,                     // null: no limit
            Delay = 30,                     // minutes; one of SubscriptionsOrder.AllowedDelays
            Expiry = new DateOnly(2027, 3, 5),
        });
        // end
        Assert.Equal(("alice", "100", "200", "10", "30", "05/03/2027"), (Sent["username"], Sent["min"], Sent["max"], Sent["posts"], Sent["delay"], Sent["expiry"]));
        Assert.False(Sent.ContainsKey("link"));
    }

    [Fact]
    public async Task Web_traffic()
    {
        var client = _client;
        // docs/actions.md: Web Traffic
        long orderId = await client.AddOrderAsync(new WebTrafficOrder
        {
            ServiceId = 21,
            Link = "https://example.com/landing",
            Quantity = 1000,
            Country = "US",
            Device = WebTrafficDevice.Desktop,             // sent as 1
            TypeOfTraffic = WebTrafficType.GoogleKeyword,  // sent as 1
            GoogleKeyword = "smm panel",
        });
        // end
        Assert.Equal(("US", "1", "1", "smm panel"), (Sent["country"], Sent["device"], Sent["type_of_traffic"], Sent["google_keyword"]));
        Assert.False(Sent.ContainsKey("referring_url"));
    }

    [Fact]
    public async Task Choosing_the_request_class_from_the_catalogue()
    {
        var client = _client;
        var (link, quantity) = ("https://instagram.com/p/Cx~9", 100);
        // docs/actions.md: choosing
        Service service = (await client.GetServicesAsync()).First(s => s.Id == 2);
        OrderRequest request = service.Type.ToUpperInvariant() switch   // panels differ in case: "Default", "default"
        {
            "DEFAULT" => new DefaultOrder { ServiceId = service.Id, Link = link, Quantity = quantity },
            "PACKAGE" => new PackageOrder { ServiceId = service.Id, Link = link },
            _ => throw new NotSupportedException($"the bot does not sell '{service.Type}' services"),
        };
        long orderId = await client.AddOrderAsync(request);
        // end
        Assert.IsType<DefaultOrder>(request);
        Assert.Equal("2", Sent["service"]);
    }
}
