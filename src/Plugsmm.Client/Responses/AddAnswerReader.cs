using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The answer to <c>add</c>: <c>{"order":23501}</c> (the id as a number or a string), or the panel's error. An id that is
/// no whole number (<c>"ref_01HG9X…"</c>) in a 2xx answer is a placed order whose id cannot be returned: an error naming
/// that id, with the outcome unknown.
/// </summary>
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
        string? panelId = null;
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
                    panelId = order is null ? OtherId(ref reader) : null;
                }
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        if (panelId is not null && answer.IsSuccessStatus)
        {
            // The panel took the order and named it in a way a long cannot hold: never a refusal, never retried.
            throw answer.NonNumericOrderId(panelId);
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

    /// <summary>
    /// An id that is a string or a number with at least one digit but no <see cref="long"/> (<c>"ref_01HG9X"</c>,
    /// <c>23501.5</c>, <c>"99999999999999999999"</c>); null for anything else: a word with no digit (<c>"success"</c>,
    /// <c>"false"</c>) names no order.
    /// </summary>
    private static string? OtherId(ref Utf8JsonReader reader) => reader.TokenType is JsonTokenType.String or JsonTokenType.Number
        && FlexibleNumbers.ReadOptionalText(ref reader)?.Trim() is { } id && id.AsSpan().ContainsAnyInRange('0', '9')
        ? id
        : null;

    /// <summary>The field a (decoded) property name is.</summary>
    internal static Field FieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("order"u8) ? Field.Order : name.SequenceEqual("error"u8) ? Field.Error : Field.Unknown;
}
