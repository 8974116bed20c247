using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The answers to <c>status</c>: one order's status object, or, for several orders, one object keyed by order id
/// whose values are status objects or that order's own error (<c>{"1":{…},"2":{"error":"Incorrect order ID"}}</c>).
/// A status word that reads as <see cref="OrderState.Failed"/> is believed only beside one of the order's own fields
/// (<c>charge</c>, <c>start_count</c>, <c>remains</c>): <c>{"status":"error","message":"Service temporarily
/// unavailable"}</c> is an error envelope, and taking it for a failed order would have a bot refund a running one.
/// </summary>
internal static class OrderStatusReader
{
    /// <summary>One order's status.</summary>
    public static OrderStatus ReadOne(PanelAnswer answer)
    {
        var dto = answer.Read(AnswerJsonContext.Default.StatusDto);

        // An unbacked Failed word with the panel's text beside it: that text is the panel's error, at any status.
        if (IsUnbackedFailure(dto) && !AnswerValues.TryGetErrorText(dto.Error, out _) && AnswerValues.TryGetMessage(dto.Message, out var message))
        {
            throw answer.PanelError(message);
        }

        answer.ThrowIfError(dto.Error);
        if (dto.Status is null)
        {
            throw answer.Unexpected("no status");
        }

        return IsUnbackedFailure(dto) ? throw answer.Unexpected(UnbackedFailure(dto)) : ToOrderStatus(dto);
    }

    /// <summary>
    /// The statuses of several orders, by id; an order's own error is that order's failed item, a value that is no
    /// status object a failed item too. A key named twice counts once, in its first place, with its last value.
    /// </summary>
    public static Dictionary<long, ItemResult<OrderStatus>> ReadMany(PanelAnswer answer)
    {
        var items = answer.Read(AnswerJsonContext.Default.DictionaryStringJsonElement);
        answer.ThrowIfError(items.TryGetValue("error", out var error) ? error : null);
        var results = new Dictionary<long, ItemResult<OrderStatus>>(items.Count);
        foreach (var (key, value) in items)
        {
            if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw answer.Unexpected($"'{key}' is not an order id");
            }

            results[id] = ReadItem(answer, key, id, value);
        }

        return results;
    }

    /// <summary>One order's value of a multi-status answer: its own error, its status, or a failed item without one.</summary>
    private static ItemResult<OrderStatus> ReadItem(PanelAnswer answer, string key, long id, JsonElement value)
    {
        if (AnswerValues.TryGetItemError(value, out var itemError))
        {
            return answer.ItemError<OrderStatus>(id, itemError);
        }

        StatusDto? dto;
        try
        {
            dto = value.ValueKind == JsonValueKind.Object ? value.Deserialize(AnswerJsonContext.Default.StatusDto) : null;
        }
        catch (JsonException exception)
        {
            throw answer.NotJson($"order {key}: {exception.Message}", exception);
        }

        return dto?.Status is null ? ItemResult.Failure<OrderStatus>(id, answer.Unexpected($"the entry for order {id.ToString(CultureInfo.InvariantCulture)} has no status"))
            : !IsUnbackedFailure(dto) ? ItemResult.Success(id, ToOrderStatus(dto))
            : AnswerValues.TryGetMessage(dto.Message, out var message) ? answer.ItemError<OrderStatus>(id, message)
            : ItemResult.Failure<OrderStatus>(id, answer.Unexpected(UnbackedFailure(dto)));
    }

    /// <summary>
    /// A word that reads as <see cref="OrderState.Failed"/> with none of the order's own fields beside it (a field that
    /// is null, empty or a word does not count): an error envelope, not an order that failed.
    /// </summary>
    private static bool IsUnbackedFailure(StatusDto dto) =>
        dto is { Charge: null, StartCount: null, Remains: null } && StatusWords.ToOrderState(dto.Status) == OrderState.Failed;

    /// <summary>Why an unbacked Failed word is not taken as the order's status, with the word.</summary>
    private static string UnbackedFailure(StatusDto dto) =>
        $"the status '{dto.Status}' comes with none of the order's fields (charge, start_count, remains): an error, not the order's status";

    private static OrderStatus ToOrderStatus(StatusDto dto) => new()
    {
        State = StatusWords.ToOrderState(dto.Status),
        StatusText = dto.Status ?? string.Empty,
        Charge = dto.Charge,
        StartCount = dto.StartCount,
        Remains = dto.Remains,
        Currency = dto.Currency,
    };
}
