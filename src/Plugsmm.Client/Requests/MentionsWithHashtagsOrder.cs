namespace Plugsmm.Client;

/// <summary>A Mentions with Hashtags order.</summary>
public sealed class MentionsWithHashtagsOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Mentions with Hashtags";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many mentions. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The usernames to mention, one item each. Sent as <c>usernames</c>.</summary>
    public required IReadOnlyList<string> Usernames { get; init; }

    /// <summary>The hashtags, one item each. Sent as <c>hashtags</c>.</summary>
    public required IReadOnlyList<string> Hashtags { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("usernames", string.Join('\n', Usernames)));
        fields.Add(new("hashtags", string.Join('\n', Hashtags)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.Lines(Usernames, nameof(Usernames), "usernames");
        check.Lines(Hashtags, nameof(Hashtags), "hashtags");
    }
}
