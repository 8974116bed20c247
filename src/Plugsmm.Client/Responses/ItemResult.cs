namespace Plugsmm.Client;

/// <summary>
/// One item of a multi-order answer: its value, or the panel's error for that item alone. A multi action
/// succeeds as a whole even when some of its items failed.
/// </summary>
/// <typeparam name="T">The value of a successful item.</typeparam>
public sealed class ItemResult<T>
{
    private readonly T? _value;

    internal ItemResult(long id, T? value, string? error, PlugsmmException? exception = null)
    {
        Id = id;
        _value = value;
        Error = error;
        Exception = exception;
    }

    /// <summary>The order or refill id the item is about.</summary>
    public long Id { get; }

    /// <summary>Whether the panel gave a value for this item.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>
    /// The panel's error for this item (<c>Incorrect order ID</c>, …), or <see langword="null"/>: API key removed,
    /// control characters replaced by spaces, at most 512 chars of the panel's text (as <see cref="PlugsmmException.PanelError"/>).
    /// </summary>
    public string? Error { get; }

    /// <summary>
    /// When the item failed because its whole request failed (while other requests of the same call succeeded):
    /// that failure, with its kind and <see cref="PlugsmmException.OutcomeUnknown"/>. Null for the panel's per-item errors.
    /// </summary>
    public PlugsmmException? Exception { get; }

    /// <summary>
    /// Whether this item's request may have been carried out although it failed (see
    /// <see cref="PlugsmmException.OutcomeUnknown"/>): a refill or cancel that may exist on the panel. Check before repeating it.
    /// </summary>
    public bool OutcomeUnknown => Exception?.OutcomeUnknown == true;

    /// <summary>The item's value.</summary>
    /// <exception cref="InvalidOperationException">The item failed; see <see cref="Error"/>.</exception>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Item {Id} failed: {Error}");

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"{Id}: {_value}" : $"{Id}: error '{Error}'";
}

/// <summary>Creates <see cref="ItemResult{T}"/> values (for example to fake an <see cref="IPlugsmmClient"/> in tests).</summary>
public static class ItemResult
{
    /// <summary>A successful item.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="id">The order or refill id.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The item.</returns>
    public static ItemResult<T> Success<T>(long id, T value) => new(id, value, null);

    /// <summary>A failed item.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="id">The order or refill id.</param>
    /// <param name="error">The panel's error for it.</param>
    /// <returns>The item.</returns>
    public static ItemResult<T> Failure<T>(long id, string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(id, default, error);
    }

    /// <summary>An item whose side effect may have happened: its error is <paramref name="exception"/>'s message.</summary>
    internal static ItemResult<T> Unknown<T>(long id, PlugsmmException exception) => new(id, default, exception.Message, exception);
}
