namespace Plugsmm.Client;

/// <summary>A Mentions Custom List order: exactly the given usernames.</summary>
public sealed class MentionsCustomListOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Mentions Custom List";

    /// <summary>The post. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    /// <summary>The usernames to mention, one item each. Sent as <c>usernames</c>.</summary>
    public required IReadOnlyList<string> Usernames { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
        fields.Add(new("usernames", string.Join('\n', Usernames)));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
        check.Lines(Usernames, nameof(Usernames), "usernames");
    }
}
