namespace Plugsmm.Client.Tests.Client;

/// <summary>Bad orders fail before any HTTP request, with an ArgumentException that names the field.</summary>
public sealed class OrderValidationTests
{
    public static TheoryData<OrderRequest, string> BadOrders() => new()
    {
        { new DefaultOrder { ServiceId = 0, Link = "https://x.com", Quantity = 1 }, "DefaultOrder.ServiceId (field 'service') must be positive" },
        { new DefaultOrder { ServiceId = 1, Link = "", Quantity = 1 }, "DefaultOrder.Link (field 'link') is required" },
        { new DefaultOrder { ServiceId = 1, Link = "   ", Quantity = 1 }, "DefaultOrder.Link (field 'link') is required" },
        { new DefaultOrder { ServiceId = 1, Link = null!, Quantity = 1 }, "DefaultOrder.Link (field 'link') is required" },
        { new DefaultOrder { ServiceId = 1, Link = "https://x.com\n", Quantity = 1 }, "DefaultOrder.Link (field 'link') must be on one line" },
        { new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = 0 }, "DefaultOrder.Quantity (field 'quantity') must be positive (was 0)" },
        { new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = -5 }, "DefaultOrder.Quantity (field 'quantity') must be positive (was -5)" },
        { new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = 5, Runs = 3 }, "DefaultOrder.Interval (field 'interval') must be given together with Runs" },
        { new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = 5, Interval = 3 }, "DefaultOrder.Runs (field 'runs') must be given together with Interval" },
        { new DefaultOrder { ServiceId = 1, Link = "https://x.com", Quantity = 5, Runs = 0, Interval = 3 }, "DefaultOrder.Runs (field 'runs') must be positive" },
        { new CustomCommentsOrder { ServiceId = 1, Link = "https://x.com", Comments = [] }, "CustomCommentsOrder.Comments (field 'comments') needs at least one item" },
        { new CustomCommentsOrder { ServiceId = 1, Link = "https://x.com", Comments = null! }, "CustomCommentsOrder.Comments (field 'comments') needs at least one item" },
        { new CustomCommentsOrder { ServiceId = 1, Link = "https://x.com", Comments = ["ok", " "] }, "CustomCommentsOrder.Comments[1] (field 'comments') is blank" },
        { new CustomCommentsOrder { ServiceId = 1, Link = "https://x.com", Comments = ["two\nlines"] }, "CustomCommentsOrder.Comments[0] (field 'comments') contains a line break" },
        { new MentionsOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Usernames = [] }, "MentionsOrder.Usernames (field 'usernames') needs at least one item" },
        { new MentionsWithHashtagsOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Usernames = ["a"], Hashtags = [] }, "MentionsWithHashtagsOrder.Hashtags (field 'hashtags') needs at least one item" },
        { new MentionsHashtagOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Hashtag = "" }, "MentionsHashtagOrder.Hashtag (field 'hashtag') is required" },
        { new MentionsUserFollowersOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Username = " " }, "MentionsUserFollowersOrder.Username (field 'username') is required" },
        { new MentionsMediaLikersOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Media = "" }, "MentionsMediaLikersOrder.Media (field 'media') is required" },
        { new CommentLikesOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Username = "" }, "CommentLikesOrder.Username (field 'username') is required" },
        { new PollOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, AnswerNumber = 0 }, "PollOrder.AnswerNumber (field 'answer_number') must be positive" },
        { new InvitesFromGroupsOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Groups = [] }, "InvitesFromGroupsOrder.Groups (field 'groups') needs at least one item" },
        { new SubscriptionsOrder { ServiceId = 1, Username = "", Min = 1, Max = 2 }, "SubscriptionsOrder.Username (field 'username') is required" },
        { new SubscriptionsOrder { ServiceId = 1, Username = "u", Min = 10, Max = 5 }, "SubscriptionsOrder.Max (field 'max') must not be less than Min (10)" },
        { new SubscriptionsOrder { ServiceId = 1, Username = "u", Min = 1, Max = 5, Delay = 7 }, "SubscriptionsOrder.Delay (field 'delay') must be one of 0, 5, 10" },
        { new SubscriptionsOrder { ServiceId = 1, Username = "u", Min = 1, Max = 5, Posts = 0 }, "SubscriptionsOrder.Posts (field 'posts') must be positive" },
        { new SubscriptionsOrder { ServiceId = 1, Username = "u", Min = 1, Max = 5, OldPosts = -1 }, "SubscriptionsOrder.OldPosts (field 'old_posts') must not be negative" },
        { new SeoOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Keywords = [] }, "SeoOrder.Keywords (field 'keywords') needs at least one item" },
        { new WebTrafficOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Country = "US", Device = (WebTrafficDevice)6, TypeOfTraffic = WebTrafficType.GoogleKeyword }, "WebTrafficOrder.Device (field 'device') must be from 1 to 5 (was 6)" },
        { new WebTrafficOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Country = "US", Device = WebTrafficDevice.Desktop, TypeOfTraffic = 0 }, "WebTrafficOrder.TypeOfTraffic (field 'type_of_traffic') must be from 1 to 3 (was 0)" },
        { new WebTrafficOrder { ServiceId = 1, Link = "https://x.com", Quantity = 1, Country = "", Device = WebTrafficDevice.Desktop, TypeOfTraffic = WebTrafficType.GoogleKeyword }, "WebTrafficOrder.Country (field 'country') is required" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task A_bad_order_fails_before_any_request_naming_the_field(OrderRequest order, string message)
    {
        using var panel = new PanelStub().Answer("""{"order":1}""");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => panel.Client.AddOrderAsync(order));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("order", error.ParamName);
        Assert.Empty(panel.Requests);
    }

    [Fact]
    public async Task A_null_order_is_refused()
    {
        using var panel = new PanelStub();

        await Assert.ThrowsAsync<ArgumentNullException>("order", () => panel.Client.AddOrderAsync(null!));
    }

    [Fact]
    public async Task A_link_that_cannot_be_encoded_fails_before_any_request()
    {
        using var panel = new PanelStub().Answer("""{"order":1}""");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => panel.Client.AddOrderAsync(
            new DefaultOrder { ServiceId = 1, Link = "https://x.com/" + '\uD800', Quantity = 1 }));

        Assert.Contains("field 'link'", error.Message, StringComparison.Ordinal);
        Assert.Empty(panel.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Ids_must_be_positive(long id)
    {
        using var panel = new PanelStub();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => panel.Client.GetOrderStatusAsync(id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => panel.Client.RefillOrderAsync(id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => panel.Client.GetRefillStatusAsync(id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("orderIds", () => panel.Client.GetOrderStatusesAsync([1, id]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("orderIds", () => panel.Client.CancelOrdersAsync([id]));
        await Assert.ThrowsAsync<ArgumentNullException>("refillIds", () => panel.Client.GetRefillStatusesAsync(null!));
        Assert.Empty(panel.Requests);
    }

    [Theory]
    [InlineData(WebTrafficType.GoogleKeyword, "WebTrafficOrder.GoogleKeyword (field 'google_keyword') is required when TypeOfTraffic is GoogleKeyword")]
    [InlineData(WebTrafficType.CustomReferrer, "WebTrafficOrder.ReferringUrl (field 'referring_url') is required when TypeOfTraffic is CustomReferrer")]
    public async Task Web_traffic_needs_the_field_its_kind_of_traffic_uses(WebTrafficType typeOfTraffic, string message)
    {
        using var panel = new PanelStub();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => panel.Client.AddOrderAsync(
            new WebTrafficOrder { ServiceId = 1, Link = "https://shop.example", Quantity = 100, Country = "US", Device = WebTrafficDevice.Desktop, TypeOfTraffic = typeOfTraffic }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(panel.Requests);
    }
}
