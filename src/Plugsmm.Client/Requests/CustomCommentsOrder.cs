namespace Plugsmm.Client;

/// <summary>A Custom Comments order: the given comments posted on a link, one per line.</summary>
public sealed class CustomCommentsOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Custom Comments";

    /// <summary>The post to comment on. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>The comments, one item each (sent one per line). Sent as <c>comments</c>.</summary>
    public required IReadOnlyList<string> Comments { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("comments", string.Join('\n', Comments)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Lines(Comments, nameof(Comments), "comments");
    }
}
