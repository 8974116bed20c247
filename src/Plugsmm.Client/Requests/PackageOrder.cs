namespace Plugsmm.Client;

/// <summary>A Package order: a fixed package delivered to a link.</summary>
public sealed class PackageOrder : OrderRequest
{
    /// <inheritdoc />
    public override string ServiceType => "Package";

    /// <summary>The link to deliver to. Sent as <c>link</c>.</summary>
    public required string Link { get; init; }

    internal override void AppendFields(ICollection<KeyValuePair<string, object?>> fields)
    {
        fields.Add(new("link", Link));
    }

    private protected override void ValidateFields(OrderCheck check)
    {
        check.SingleLine(Link, nameof(Link), "link");
    }
}
