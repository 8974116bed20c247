namespace Plugsmm.Client.Tests.Client;

/// <summary>Every order type: the exact body sent to the panel and the order id read back.</summary>
public sealed class OrderTypeTests
{
    public static TheoryData<string, OrderRequest, (string, object?)[]> Orders() => new()
    {
        {
            "Default", new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/p/Cx~9?a=1&b=2#c", Quantity = 100 },
            [("link", "https://instagram.com/p/Cx~9?a=1&b=2#c"), ("quantity", 100)]
        },
        {
            "Default drip-feed", new DefaultOrder { ServiceId = 1, Link = "https://t.me/x", Quantity = 50, Runs = 4, Interval = 30 },
            [("link", "https://t.me/x"), ("quantity", 50), ("runs", 4), ("interval", 30)]
        },
        { "Package", new PackageOrder { ServiceId = 2, Link = "https://x.com/a" }, [("link", "https://x.com/a")] },
        {
            "Custom Comments", new CustomCommentsOrder { ServiceId = 3, Link = "https://x.com/p/1", Comments = ["Great post! 🔥", "Love it", "+1 & more"] },
            [("link", "https://x.com/p/1"), ("comments", "Great post! 🔥\nLove it\n+1 & more")]
        },
        {
            "Custom Comments Package", new CustomCommentsPackageOrder { ServiceId = 4, Link = "https://x.com/p/1", Comments = ["a", "b"] },
            [("link", "https://x.com/p/1"), ("comments", "a\nb")]
        },
        {
            "Mentions", new MentionsOrder { ServiceId = 5, Link = "https://x.com/p/1", Quantity = 10, Usernames = ["alice", "bob"] },
            [("link", "https://x.com/p/1"), ("quantity", 10), ("usernames", "alice\nbob")]
        },
        {
            "Mentions with Hashtags", new MentionsWithHashtagsOrder { ServiceId = 6, Link = "https://x.com/p/1", Quantity = 10, Usernames = ["alice"], Hashtags = ["#sale", "#new"] },
            [("link", "https://x.com/p/1"), ("quantity", 10), ("usernames", "alice"), ("hashtags", "#sale\n#new")]
        },
        {
            "Mentions Custom List", new MentionsCustomListOrder { ServiceId = 7, Link = "https://x.com/p/1", Usernames = ["a", "b", "c"] },
            [("link", "https://x.com/p/1"), ("usernames", "a\nb\nc")]
        },
        {
            "Mentions Hashtag", new MentionsHashtagOrder { ServiceId = 8, Link = "https://x.com/p/1", Quantity = 20, Hashtag = "#summer" },
            [("link", "https://x.com/p/1"), ("quantity", 20), ("hashtag", "#summer")]
        },
        {
            "Mentions User Followers", new MentionsUserFollowersOrder { ServiceId = 9, Link = "https://x.com/p/1", Quantity = 20, Username = "carol" },
            [("link", "https://x.com/p/1"), ("quantity", 20), ("username", "carol")]
        },
        {
            "Mentions Media Likers", new MentionsMediaLikersOrder { ServiceId = 10, Link = "https://x.com/p/1", Quantity = 20, Media = "https://x.com/p/2" },
            [("link", "https://x.com/p/1"), ("quantity", 20), ("media", "https://x.com/p/2")]
        },
        {
            "Comment Likes", new CommentLikesOrder { ServiceId = 11, Link = "https://x.com/p/1", Quantity = 30, Username = "dave" },
            [("link", "https://x.com/p/1"), ("quantity", 30), ("username", "dave")]
        },
        {
            "Poll", new PollOrder { ServiceId = 12, Link = "https://t.me/c/5", Quantity = 40, AnswerNumber = 2 },
            [("link", "https://t.me/c/5"), ("quantity", 40), ("answer_number", 2)]
        },
        {
            "Invites from Groups", new InvitesFromGroupsOrder { ServiceId = 13, Link = "https://t.me/mine", Quantity = 50, Groups = ["https://t.me/g1", "https://t.me/g2"] },
            [("link", "https://t.me/mine"), ("quantity", 50), ("groups", "https://t.me/g1\nhttps://t.me/g2")]
        },
        {
            "Subscriptions", new SubscriptionsOrder { ServiceId = 14, Username = "erin", Min = 100, Max = 150, Posts = 5, OldPosts = 2, Delay = 30, Expiry = new DateOnly(2027, 3, 5) },
            [("username", "erin"), ("min", 100), ("max", 150), ("posts", 5), ("old_posts", 2), ("delay", 30), ("expiry", "05/03/2027")]
        },
        {
            "Subscriptions minimal", new SubscriptionsOrder { ServiceId = 14, Username = "erin", Min = 10, Max = 10 },
            [("username", "erin"), ("min", 10), ("max", 10), ("delay", 0)]
        },
        {
            "SEO", new SeoOrder { ServiceId = 15, Link = "https://shop.example/p", Quantity = 1000, Keywords = ["buy shoes", "cheap shoes"] },
            [("link", "https://shop.example/p"), ("quantity", 1000), ("keywords", "buy shoes\ncheap shoes")]
        },
        {
            "Web Traffic", new WebTrafficOrder { ServiceId = 16, Link = "https://shop.example/", Quantity = 500, Country = "US", Device = WebTrafficDevice.Desktop, TypeOfTraffic = WebTrafficType.GoogleKeyword, GoogleKeyword = "best shop" },
            [("link", "https://shop.example/"), ("quantity", 500), ("country", "US"), ("device", 1), ("type_of_traffic", 1), ("google_keyword", "best shop")]
        },
        {
            "Web Traffic referrer drip-feed", new WebTrafficOrder { ServiceId = 16, Link = "https://shop.example/", Quantity = 500, Runs = 2, Interval = 60, Country = "DE", Device = WebTrafficDevice.Mixed, TypeOfTraffic = WebTrafficType.CustomReferrer, ReferringUrl = "https://ref.example/?a=1&b=2" },
            [("link", "https://shop.example/"), ("quantity", 500), ("runs", 2), ("interval", 60), ("country", "DE"), ("device", 5), ("type_of_traffic", 2), ("referring_url", "https://ref.example/?a=1&b=2")]
        },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Each_order_type_sends_exactly_its_fields_and_reads_the_order_id(string name, OrderRequest order, (string, object?)[] fields)
    {
        using var panel = new PanelStub().Answer("""{"order":23501}""");

        var id = await panel.Client.AddOrderAsync(order);

        Assert.Equal(23501, id);
        var request = Assert.Single(panel.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/x-www-form-urlencoded", request.MediaType);
        Assert.Equal(PanelStub.Body([("action", "add"), ("service", order.ServiceId), .. fields]), request.Body);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Every_order_type_names_its_service_type_as_the_panels_do()
    {
        var types = Orders().Select(row => ((OrderRequest)row[1]).ServiceType).Distinct().ToList();

        Assert.Equal(
            ["Default", "Package", "Custom Comments", "Custom Comments Package", "Mentions", "Mentions with Hashtags", "Mentions Custom List",
             "Mentions Hashtag", "Mentions User Followers", "Mentions Media Likers", "Comment Likes", "Poll", "Invites from Groups",
             "Subscriptions", "SEO", "Web Traffic"],
            types);
        var concrete = typeof(OrderRequest).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(OrderRequest))).ToList();
        Assert.Equal(types.Count, concrete.Count);
    }

    [Theory]
    [InlineData("{\"order\":\"23501\"}")]
    [InlineData("{\"status\":\"success\",\"order\":23501}")]
    [InlineData("{\"order\":23501.0}")]
    [InlineData("{\"order\":\" 23501 \",\"extra\":{\"x\":[1,2]}}")]
    public async Task The_order_id_is_read_from_every_shape_panels_answer(string json)
    {
        using var panel = new PanelStub().Answer(json);

        var id = await panel.Client.AddOrderAsync(new PackageOrder { ServiceId = 1, Link = "https://x.com/a" });

        Assert.Equal(23501, id);
    }
}
