namespace Plugsmm.Client.Tests.Client;

/// <summary>The rollback encoding (UseNewApi=false) refuses what the new encoder refuses, before anything is sent.</summary>
public sealed class LegacyEncodingTests
{
    // Built in code: a lone surrogate survives neither an attribute's metadata nor xunit's serialization.
    public static TheoryData<string> LoneSurrogateLinks() => new()
    {
        "https://x.com/p/" + '\uD83D',
        '\uDE00' + "https://x.com/p",
        "https://x.com/" + '\uD83D' + "x/p",
    };

    [Theory]
    [MemberData(nameof(LoneSurrogateLinks), DisableDiscoveryEnumeration = true)]
    public async Task A_link_with_a_lone_surrogate_is_refused_as_the_new_encoder_refuses_it_and_nothing_is_sent(string link)
    {
        var order = new DefaultOrder { ServiceId = 1, Link = link, Quantity = 100 };
        using var legacy = new PanelStub(o => o.UseNewApi = false).Answer("""{"order":1}""");
        using var modern = new PanelStub().Answer("""{"order":1}""");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => legacy.Client.AddOrderAsync(order));
        var expected = await Assert.ThrowsAsync<ArgumentException>(() => modern.Client.AddOrderAsync(order));

        Assert.Empty(legacy.Requests);
        Assert.Equal((expected.ParamName, expected.Message), (refused.ParamName, refused.Message));
        Assert.Contains("field 'link'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_in_another_field_is_refused_too()
    {
        using var legacy = new PanelStub(o => o.UseNewApi = false).Answer("""{"order":1}""");
        var order = new CustomCommentsOrder { ServiceId = 1, Link = "https://x.com/p", Comments = ["fine", "broken " + '\uDC00'] };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => legacy.Client.AddOrderAsync(order));

        Assert.Empty(legacy.Requests);
        Assert.Equal("fields", refused.ParamName);
        Assert.Contains("field 'comments'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_text_with_surrogate_pairs_is_still_sent()
    {
        using var legacy = new PanelStub(o => o.UseNewApi = false).Answer("""{"order":7}""");

        Assert.Equal(7, await legacy.Client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/p/😀", Quantity = 100 }));
        Assert.Single(legacy.Requests);
    }
}
