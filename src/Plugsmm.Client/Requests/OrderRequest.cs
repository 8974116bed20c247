namespace Plugsmm.Client;

/// <summary>
/// An order for the <c>add</c> action. Each service type of the panel has its own request class with the
/// fields that type takes; pick it by <see cref="Service.Type"/>. Requests are checked before any
/// HTTP request: a missing or invalid field throws an <see cref="ArgumentException"/> that names it.
/// </summary>
public abstract class OrderRequest
{
    private protected OrderRequest()
    {
    }

    /// <summary>The service to order (<c>service</c>), from the catalogue.</summary>
    public required long ServiceId { get; init; }

    /// <summary>The service type as panels name it (<c>Default</c>, <c>Custom Comments</c>, …).</summary>
    public abstract string ServiceType { get; }

    /// <summary>Checks every field; throws an <see cref="ArgumentException"/> naming the first bad one.</summary>
    internal void Validate()
    {
        var check = new OrderCheck(this);
        check.Positive(ServiceId, nameof(ServiceId), "service");
        ValidateFields(check);
    }

    /// <summary>Appends the type's fields after <c>key</c>, <c>action</c> and <c>service</c>.</summary>
    internal abstract void AppendFields(ICollection<KeyValuePair<string, object?>> fields);

    private protected abstract void ValidateFields(OrderCheck check);
}
