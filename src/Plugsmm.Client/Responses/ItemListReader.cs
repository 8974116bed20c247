using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The answers to multi-order <c>refill</c>, <c>refill_status</c> and <c>cancel</c>: a JSON array of items, each an
/// object with an id (<c>order</c> or <c>refill</c>, a number or a string) and a value-or-error under the action's own
/// property (<c>{"order":2,"cancel":{"error":"Incorrect order ID"}}</c>). Read in one pass.
/// </summary>
internal static class ItemListReader
{
    /// <summary>What a property of an item is.</summary>
    internal enum ItemField
    {
        Unknown,
        Id,
        Value,
    }

    /// <summary>Turns an item's value into its result; may throw <see cref="InvalidOperationException"/> for text it cannot decode.</summary>
    public delegate ItemResult<T> Evaluate<T>(long id, scoped in JsonValue value, PanelAnswer answer);

    /// <summary>
    /// Reads the items, by id (a later item with the same id replaces an earlier one). An item that is null or has no id
    /// is an unexpected answer; one whose value cannot be decoded makes the answer unreadable; the first such item
    /// counts, after the whole answer is read and its status checked.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="fieldOf">What a (decoded) property name of an item is.</param>
    /// <param name="idName">The id's property, for messages.</param>
    /// <param name="evaluate">The result of an item with an id.</param>
    public static Dictionary<long, ItemResult<T>> Read<T>(PanelAnswer answer, Func<ReadOnlySpan<byte>, ItemField> fieldOf, string idName, Evaluate<T> evaluate)
    {
        var reader = answer.ReadArrayStart();
        var json = answer.Body;
        var results = new Dictionary<long, ItemResult<T>>();
        PlugsmmException? problem = null;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    problem ??= answer.Unexpected($"an item has no '{idName}'");
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException($"an item is {reader.TokenType}, not an object.");
                }

                long? id = null;
                var value = default(JsonValue);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueIsEscaped ? PropertyNames.MatchEscaped(reader.ValueSpan, fieldOf) : fieldOf(reader.ValueSpan);
                    reader.Read();
                    if (field == ItemField.Value)
                    {
                        value = new JsonValue(reader, json);
                    }

                    reader.Skip();
                    if (field == ItemField.Id)
                    {
                        // An object or an array there is no id.
                        id = FlexibleNumbers.ReadOptionalInt64(ref reader);
                    }
                }

                if (problem is not null)
                {
                    continue;
                }

                if (id is not { } itemId)
                {
                    problem = answer.Unexpected($"an item has no '{idName}'");
                    continue;
                }

                try
                {
                    results[itemId] = evaluate(itemId, value, answer);
                }
                catch (InvalidOperationException exception)
                {
                    problem = answer.NotJson($"a value cannot be read: {exception.Message}", exception);
                }
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        answer.ThrowIfError(default);
        return problem is null ? results : throw problem;
    }
}
