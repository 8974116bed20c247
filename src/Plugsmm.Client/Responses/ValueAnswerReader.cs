using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The answers to one <c>refill</c> or one <c>refill_status</c>: an object with a value-or-error under the action's
/// own property (<c>{"refill":"1"}</c>, <c>{"status":{"error":"Refill not found"}}</c>) and perhaps an <c>error</c>.
/// </summary>
internal static class ValueAnswerReader
{
    /// <summary>What a property of the answer is.</summary>
    internal enum AnswerField
    {
        Unknown,
        Value,
        Error,
    }

    /// <summary>
    /// Reads the answer to its end; the value and the error (the last of each) are kept to be read when asked.
    /// Throws when the answer is unreadable, or carries an error, or has a status that is not 2xx.
    /// </summary>
    public static JsonValue Read(PanelAnswer answer, Func<ReadOnlySpan<byte>, AnswerField> fieldOf)
    {
        var reader = answer.ReadObjectStart();
        var value = default(JsonValue);
        var error = default(JsonValue);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueIsEscaped ? PropertyNames.MatchEscaped(reader.ValueSpan, fieldOf) : fieldOf(reader.ValueSpan);
                reader.Read();
                switch (field)
                {
                    case AnswerField.Value:
                        value = new JsonValue(reader, answer.Body);
                        break;
                    case AnswerField.Error:
                        error = new JsonValue(reader, answer.Body);
                        break;
                }

                reader.Skip();
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        answer.ThrowIfError(error);
        return value;
    }
}
