namespace Plugsmm.Client;

/// <summary>A Web Traffic order: visits to a page, from a country and device, with a kind of referrer.</summary>
public sealed class WebTrafficOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Web Traffic";

    /// <summary>The page to visit. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many visits; with drip-feed, how many per run. Sent as <c>quantity</c>.</summary>
    public required int Quantity { get; init; }

    /// <summary>Drip-feed: how many runs (with <see cref="Interval"/>). Sent as <c>runs</c>.</summary>
    public int? Runs { get; init; }

    /// <summary>Drip-feed: minutes between runs (with <see cref="Runs"/>). Sent as <c>interval</c>.</summary>
    public int? Interval { get; init; }

    /// <summary>Where visitors come from, as the panel names countries (a code such as <c>US</c>, or a name). Sent as <c>country</c>.</summary>
    public required string Country { get; init; }

    /// <summary>The visitors' device, 1 to 5 as the panel numbers them (desktop, mobile Android, mobile iOS, mixed mobile, mixed). Sent as <c>device</c>.</summary>
    public required int Device { get; init; }

    /// <summary>The kind of traffic, 1 to 3 as the panel numbers them (Google keyword, custom referrer, blank referrer). Sent as <c>type_of_traffic</c>.</summary>
    public required int TypeOfTraffic { get; init; }

    /// <summary>The Google keyword, for keyword traffic. Sent as <c>google_keyword</c>.</summary>
    public string? GoogleKeyword { get; init; }

    /// <summary>The referring page, for referrer traffic. Sent as <c>referring_url</c>.</summary>
    public string? ReferringUrl { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        if (Runs is { } runs)
        {
            fields.Add(new("runs", runs));
        }

        if (Interval is { } interval)
        {
            fields.Add(new("interval", interval));
        }

        fields.Add(new("country", Country));
        fields.Add(new("device", Device));
        fields.Add(new("type_of_traffic", TypeOfTraffic));
        fields.Add(new("google_keyword", GoogleKeyword));
        fields.Add(new("referring_url", ReferringUrl));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.DripFeed(Runs, Interval);
        check.SingleLine(Country, nameof(Country), "country");
        check.Range(Device, 1, 5, nameof(Device), "device");
        check.Range(TypeOfTraffic, 1, 3, nameof(TypeOfTraffic), "type_of_traffic");
        check.OptionalSingleLine(GoogleKeyword, nameof(GoogleKeyword), "google_keyword");
        check.OptionalSingleLine(ReferringUrl, nameof(ReferringUrl), "referring_url");
        if (TypeOfTraffic == 1 && GoogleKeyword is null)
        {
            throw check.Fail(nameof(GoogleKeyword), "google_keyword", "is required when TypeOfTraffic is 1 (Google keyword)");
        }

        if (TypeOfTraffic == 2 && ReferringUrl is null)
        {
            throw check.Fail(nameof(ReferringUrl), "referring_url", "is required when TypeOfTraffic is 2 (custom referrer)");
        }
    }
}
