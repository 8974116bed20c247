using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>The answer to <c>add</c>: <c>{"order":23501}</c> (the id as a number or a string), or the panel's error.</summary>
internal static class AddAnswerReader
{
    /// <summary>The fields of the answer this reader reads.</summary>
    internal enum Field
    {
        Unknown,
        Order,
        Error,
    }

    /// <summary>The new order's id.</summary>
    public static long Read(PanelAnswer answer)
    {
        var reader = answer.ReadObjectStart();
        long? order = null;
        var error = default(JsonValue);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueIsEscaped ? PropertyNames.MatchEscaped(reader.ValueSpan, FieldOf) : FieldOf(reader.ValueSpan);
                reader.Read();
                if (field == Field.Error)
                {
                    error = new JsonValue(reader, answer.Body);
                }

                reader.Skip();
                if (field == Field.Order)
                {
                    order = FlexibleNumbers.ReadOptionalInt64(ref reader);
                }
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        if (order is > 0 && error.TryGetErrorText(out var text))
        {
            // An order id and an error together: the order may well exist. Not a refusal to act on.
            throw answer.PanelErrorBesideOrder(text, order.Value);
        }

        answer.ThrowIfError(error);
        return order is { } id and > 0
            ? id
            : throw answer.Unexpected("no order id; the order may or may not have been placed, check the panel before ordering again");
    }

    /// <summary>The field a (decoded) property name is.</summary>
    internal static Field FieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("order"u8) ? Field.Order : name.SequenceEqual("error"u8) ? Field.Error : Field.Unknown;
}
