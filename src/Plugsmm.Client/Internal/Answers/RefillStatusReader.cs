using System.Globalization;
using System.Text.Json;

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
        var dto = answer.Read(AnswerJsonContext.Default.RefillStatusAnswerDto);
        answer.ThrowIfError(dto.Error);
        if (AnswerValues.TryGetItemError(dto.Status, out var error))
        {
            throw answer.PanelError(error);
        }

        return ToRefillStatus(dto.Status) ?? throw answer.Unexpected("no status");
    }

    /// <summary>Each refill's status, by refill id (a later item for the same refill replaces an earlier one).</summary>
    public static Dictionary<long, ItemResult<RefillStatus>> ReadMany(PanelAnswer answer)
    {
        var items = answer.ReadList(AnswerJsonContext.Default.ListRefillItemDto);
        answer.ThrowIfError(null);
        var results = new Dictionary<long, ItemResult<RefillStatus>>(items.Count);
        foreach (var item in items)
        {
            var id = item?.Refill ?? throw answer.Unexpected("an item has no 'refill'");
            results[id] = AnswerValues.TryGetItemError(item.Status, out var error) ? answer.ItemError<RefillStatus>(id, error)
                : ToRefillStatus(item.Status) is { } status ? ItemResult.Success(id, status)
                : ItemResult.Failure<RefillStatus>(id, answer.Unexpected($"the entry for refill {id.ToString(CultureInfo.InvariantCulture)} has no status"));
        }

        return results;
    }

    /// <summary>
    /// A status word, as a string (<c>"Completed"</c>) or nested one level in an object's own <c>status</c>
    /// (<c>{"status":"Completed"}</c>, as some panels answer); null for anything else.
    /// </summary>
    private static RefillStatus? ToRefillStatus(JsonElement? status) =>
        (AnswerValues.ReadString(status) ?? (status is { ValueKind: JsonValueKind.Object } nested && nested.TryGetProperty("status", out var inner) ? AnswerValues.ReadString(inner) : null)) is { } text
            ? new RefillStatus { State = StatusWords.ToRefillState(text), StatusText = text }
            : null;
}
