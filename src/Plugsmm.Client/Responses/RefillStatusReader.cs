namespace Plugsmm.Client;

/// <summary>
/// The answers to <c>refill_status</c>: one refill's status word (<c>{"status":"Completed"}</c>, or nested:
/// <c>{"status":{"status":"Completed"}}</c>), or, for several refills, each one's status or error.
/// </summary>
internal static class RefillStatusReader
{
    /// <summary>One refill's status.</summary>
    public static RefillStatus ReadOne(PanelAnswer answer)
    {
        var status = ValueAnswerReader.Read(answer, FieldOf);
        if (status.TryGetItemError(out var error))
        {
            throw answer.PanelError(error);
        }

        return ToRefillStatus(status) ?? throw answer.Unexpected("no status");
    }

    /// <summary>Each refill's status, by refill id.</summary>
    public static Dictionary<long, ItemResult<RefillStatus>> ReadMany(PanelAnswer answer) =>
        ItemListReader.Read(
            answer,
            ItemFieldOf,
            "refill",
            static (id, scoped in value, answer) =>
                value.TryGetItemError(out var error) ? ItemResult.Failure<RefillStatus>(id, answer.Clean(error))
                : ToRefillStatus(value) is { } status ? ItemResult.Success(id, status)
                : ItemResult.Failure<RefillStatus>(id, "The panel's answer for this refill has no status."));

    /// <summary>What a (decoded) property name of the answer to one refill status is.</summary>
    internal static ValueAnswerReader.AnswerField FieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("status"u8) ? ValueAnswerReader.AnswerField.Value
        : name.SequenceEqual("error"u8) ? ValueAnswerReader.AnswerField.Error
        : ValueAnswerReader.AnswerField.Unknown;

    /// <summary>What a (decoded) property name of an item is.</summary>
    internal static ItemListReader.ItemField ItemFieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("refill"u8) ? ItemListReader.ItemField.Id
        : name.SequenceEqual("status"u8) ? ItemListReader.ItemField.Value
        : ItemListReader.ItemField.Unknown;

    /// <summary>
    /// A status word, as a string (<c>"Completed"</c>) or nested one level in an object's own <c>status</c>
    /// (<c>{"status":"Completed"}</c>, as some panels answer); null for anything else.
    /// </summary>
    private static RefillStatus? ToRefillStatus(scoped in JsonValue status) =>
        (status.ReadString() ?? status.Property("status"u8).ReadString()) is { } text
            ? new RefillStatus { State = StatusWords.ToRefillState(text), StatusText = text }
            : null;
}
