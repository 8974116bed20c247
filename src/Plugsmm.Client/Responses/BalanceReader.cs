using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>The answer to <c>balance</c>: <c>{"balance":"100.84292","currency":"USD"}</c>, or the panel's error.</summary>
internal static class BalanceReader
{
    /// <summary>The fields of the answer this reader reads.</summary>
    internal enum Field
    {
        Unknown,
        Balance,
        Currency,
        Error,
    }

    /// <summary>The balance.</summary>
    public static PlugsmmBalance Read(PanelAnswer answer)
    {
        var reader = answer.ReadObjectStart();
        decimal? amount = null;
        string? currency = null;
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

                // An object or an array is no value.
                reader.Skip();
                switch (field)
                {
                    case Field.Balance:
                        amount = FlexibleNumbers.ReadOptionalDecimal(ref reader);
                        break;
                    case Field.Currency:
                        currency = reader.TokenType == JsonTokenType.String ? KnownStrings.GetString(in reader) : FlexibleNumbers.ReadOptionalText(ref reader);
                        break;
                }
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        answer.ThrowIfError(error);
        return amount is { } value
            ? new PlugsmmBalance { Amount = value, Currency = currency }
            : throw answer.Unexpected("no balance");
    }

    /// <summary>The field a (decoded) property name is.</summary>
    internal static Field FieldOf(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("balance"u8) ? Field.Balance
        : name.SequenceEqual("currency"u8) ? Field.Currency
        : name.SequenceEqual("error"u8) ? Field.Error
        : Field.Unknown;
}
