namespace Plugsmm.Client;

/// <summary>A Mentions order: the given usernames mentioned on a link.</summary>
public sealed class MentionsOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Mentions";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>How many mentions. Sent as <c>quantity</c>.</summary>
    public required long Quantity { get; init; }

    /// <summary>The usernames to mention, one item each. Sent as <c>usernames</c>.</summary>
    public required IReadOnlyList<string> Usernames { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("quantity", Quantity));
        fields.Add(new("usernames", string.Join('\n', Usernames)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Positive(Quantity, nameof(Quantity), "quantity");
        check.Lines(Usernames, nameof(Usernames), "usernames");
    }
}
