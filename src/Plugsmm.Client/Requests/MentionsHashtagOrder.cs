namespace Plugsmm.Client;

/// <summary>A Mentions Hashtag order: users who posted with a hashtag are mentioned.</summary>
public sealed class MentionsHashtagOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Mentions Hashtag";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many mentions. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The hashtag whose users are mentioned. Sent as <c>hashtag</c>.</summary>
    public required string Hashtag { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("hashtag", Hashtag));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.SingleLine(Hashtag, nameof(Hashtag), "hashtag");
    }
}
