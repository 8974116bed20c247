namespace Plugsmm.Client;

/// <summary>
/// One id's share of a multi-id answer: its value, or its failure. A multi-id call succeeds as a whole even when some
/// of its items failed; each failed item says why in <see cref="Error"/>, as a whole call would.
/// </summary>
/// <typeparam name="T">The value of a successful item.</typeparam>
public sealed class ItemResult<T>
{
    private readonly T? _value;

    private ItemResult(long id, T? value, PlugsmmException? error)
    {
        Id = id;
        _value = value;
        Error = error;
    }

    /// <summary>The order or refill id the item is about.</summary>
    public long Id { get; }

    /// <summary>Whether the panel gave a value for this item (<see cref="Error"/> is null).</summary>
    public bool IsSuccess => Error is null;

    /// <summary>
    /// Why the item failed, or <see langword="null"/>: the panel's error for this id alone (<c>Incorrect order ID</c> in
    /// <see cref="PlugsmmException.PanelError"/>, classified like a whole call's: <see cref="PlugsmmException.Kind"/>,
    /// <see cref="PlugsmmException.Reason"/>), an entry the SDK could not read, or the failure of the request that
    /// carried this id while other requests of the same call succeeded.
    /// </summary>
    public PlugsmmException? Error { get; }

    /// <summary>
    /// Whether this item's request may have been carried out although it failed (<see cref="PlugsmmException.OutcomeUnknown"/>
    /// of <see cref="Error"/>): a refill or cancel that may exist on the panel. Check before repeating it.
    /// </summary>
    public bool OutcomeUnknown => Error?.OutcomeUnknown == true;

    /// <summary>The item's value.</summary>
    /// <exception cref="InvalidOperationException">The item failed; <see cref="Error"/> is the inner exception.</exception>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"Item {Id} failed: {Error.Message}", Error);

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"{Id}: {_value}" : $"{Id}: {Error.Kind} {Error.Reason}: {Error.Message}";

    internal static ItemResult<T> Succeeded(long id, T value) => new(id, value, null);

    internal static ItemResult<T> Failed(long id, PlugsmmException error) => new(id, default, error);
}

/// <summary>Creates <see cref="ItemResult{T}"/> values (for example to fake an <see cref="IPlugsmmClient"/> in tests).</summary>
public static class ItemResult
{
    /// <summary>A successful item.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="id">The order or refill id.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The item.</returns>
    public static ItemResult<T> Success<T>(long id, T value) => ItemResult<T>.Succeeded(id, value);

    /// <summary>A failed item.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="id">The order or refill id.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>The item.</returns>
    public static ItemResult<T> Failure<T>(long id, PlugsmmException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ItemResult<T>.Failed(id, error);
    }
}
