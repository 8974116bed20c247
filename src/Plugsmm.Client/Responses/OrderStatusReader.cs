using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The answers to <c>status</c>: one order's status object, or, for several orders, one object keyed by order id
/// whose values are status objects or that order's own error (<c>{"error":"Incorrect order ID"}</c>). Read in one
/// pass, straight into <see cref="OrderStatus"/>es; status words and currencies are shared strings.
/// A status word that reads as <see cref="OrderState.Failed"/> is believed only beside one of the order's own fields
/// (<c>charge</c>, <c>start_count</c>, <c>remains</c>): <c>{"status":"error","message":"Service temporarily
/// unavailable"}</c> is an error envelope, and taking it for a failed order would have a bot refund a running one.
/// </summary>
internal static class OrderStatusReader
{
    /// <summary>The fields of a status this reader reads.</summary>
    internal enum Field
    {
        Unknown,
        Charge,
        StartCount,
        Status,
        Remains,
        Currency,
        Error,
        Message,
    }

    /// <summary>One order's status.</summary>
    public static OrderStatus ReadOne(PanelAnswer answer)
    {
        var reader = answer.ReadObjectStart();
        var json = answer.Body;
        var fields = default(StatusFields);
        var error = default(JsonValue);
        var message = default(JsonValue);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueIsEscaped ? PropertyNames.MatchEscaped(reader.ValueSpan, FieldOf) : FieldOf(reader.ValueSpan);
                reader.Read();
                if (field == Field.Error)
                {
                    error = new JsonValue(reader, json);
                }
                else if (field == Field.Message)
                {
                    message = new JsonValue(reader, json);
                }

                fields.Read(field, ref reader);
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        // An unbacked Failed word with the panel's text beside it: that text is the panel's error, at any status.
        if (fields.IsUnbackedFailure && !error.TryGetErrorText(out _) && TryGetMessage(message, out var text))
        {
            throw answer.PanelError(text);
        }

        answer.ThrowIfError(error);
        if (fields.Status is null)
        {
            throw answer.Unexpected("no status");
        }

        return fields.IsUnbackedFailure ? throw answer.Unexpected(fields.UnbackedFailure()) : fields.ToOrderStatus();
    }

    /// <summary>The statuses of several orders, by id; an order's own error is that order's failed item.</summary>
    public static Dictionary<long, ItemResult<OrderStatus>> ReadMany(PanelAnswer answer)
    {
        var reader = answer.ReadObjectStart();
        var json = answer.Body;
        var error = default(JsonValue);

        // An answer lists each id once, so the results are built as the answer is read. Two keys for the same id
        // ("7" twice, or "7" and "07") are read again by ReadManyInKeyOrder, in the order a dictionary of the keys had.
        var results = new Dictionary<long, ItemResult<OrderStatus>>(Math.Clamp(json.Length / 24, 1, PlugsmmClient.MaxIdsPerRequest));
        var sameIdTwice = false;

        // The first problem, reported once the whole answer is read: a key that is no id, or an item that cannot be read.
        object? problem = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = TryReadKey(ref reader, out var id, out var key);
                reader.Read();
                if (!isId)
                {
                    if (key == "error")
                    {
                        error = new JsonValue(reader, json);
                    }

                    problem ??= key;
                    reader.Skip();
                    continue;
                }

                var item = ReadItem(ref reader, json, id, answer, out var itemProblem);
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(results, id, out var seen);
                sameIdTwice |= seen;
                slot = item!;
                problem ??= itemProblem;
            }

            PanelAnswer.ReadToEnd(ref reader);
        }
        catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
        {
            throw answer.Unreadable(exception);
        }

        answer.ThrowIfError(error);
        if (sameIdTwice)
        {
            return ReadManyInKeyOrder(answer);
        }

        return problem switch
        {
            null => results,
            string key => throw answer.Unexpected($"'{key}' is not an order id"),
            _ => throw (PlugsmmException)problem,
        };
    }

    /// <summary>The field a (decoded) property name is.</summary>
    internal static Field FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 => name.SequenceEqual("error"u8) ? Field.Error : Field.Unknown,
        6 => name.SequenceEqual("charge"u8) ? Field.Charge : name.SequenceEqual("status"u8) ? Field.Status : Field.Unknown,
        7 => name.SequenceEqual("remains"u8) ? Field.Remains : name.SequenceEqual("message"u8) ? Field.Message : Field.Unknown,
        8 => name.SequenceEqual("currency"u8) ? Field.Currency : Field.Unknown,
        11 => name.SequenceEqual("start_count"u8) ? Field.StartCount : Field.Unknown,
        _ => Field.Unknown,
    };

    /// <summary>
    /// A key of a multi-status answer: an order id (digits only, as <c>long.TryParse</c> with no styles reads them),
    /// or anything else, decoded (a key that cannot be decoded makes the answer unreadable).
    /// </summary>
    private static bool TryReadKey(ref Utf8JsonReader reader, out long id, out string? key)
    {
        id = 0;
        key = null;
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length is > 0 and <= 18 && !raw.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            foreach (var digit in raw)
            {
                id = (id * 10) + (digit - '0');
            }

            return true;
        }

        key = reader.GetString()!;
        return long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>
    /// One order's item, the reader on its value and left on its end: its status, the order's own error, or "no
    /// status" for anything but an object. What cannot be decoded is the item's <paramref name="problem"/> (the answer
    /// as a whole is unreadable), but only if the item would have been read: an item whose error says something is
    /// that error, whatever its other fields hold.
    /// </summary>
    private static ItemResult<OrderStatus>? ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, long id, PanelAnswer answer, out PlugsmmException? problem)
    {
        problem = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return NoStatus(id);
        }

        var fields = default(StatusFields);
        var error = default(JsonValue);
        var message = default(JsonValue);
        InvalidOperationException? undecodableError = null;
        Exception? undecodableField = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The item's error is found as a JsonElement finds "error"; its fields are read as the serializer reads them.
            bool isError;
            Field field;
            if (!reader.ValueIsEscaped)
            {
                field = FieldOf(reader.ValueSpan);
                isError = field == Field.Error;
            }
            else
            {
                try
                {
                    isError = PropertyNames.IsLikeJsonElement(ref reader, "error"u8);
                }
                catch (InvalidOperationException exception)
                {
                    isError = false;
                    undecodableError = exception;
                    error = default;
                }

                try
                {
                    field = PropertyNames.MatchEscaped(reader.ValueSpan, FieldOf);
                }
                catch (InvalidOperationException exception)
                {
                    (field, undecodableField) = (Field.Unknown, exception);
                }
            }

            reader.Read();
            if (isError)
            {
                error = new JsonValue(reader, json);
                undecodableError = null;
            }

            if (field == Field.Message)
            {
                message = new JsonValue(reader, json);
            }

            try
            {
                fields.Read(field, ref reader);
            }
            catch (InvalidOperationException exception)
            {
                undecodableField ??= exception;
                reader.Skip();
            }
        }

        try
        {
            if (undecodableError is not null)
            {
                throw undecodableError;
            }

            if (error.TryGetErrorText(out var text))
            {
                return ItemResult.Failure<OrderStatus>(id, answer.Clean(text));
            }
        }
        catch (InvalidOperationException exception)
        {
            problem = answer.NotJson($"a value cannot be read: {exception.Message}", exception);
            return null;
        }

        if (undecodableField is not null)
        {
            problem = answer.NotJson($"order {id.ToString(CultureInfo.InvariantCulture)}: {undecodableField.Message}", undecodableField);
            return null;
        }

        if (fields.Status is null)
        {
            return NoStatus(id);
        }

        if (!fields.IsUnbackedFailure)
        {
            return ItemResult.Success(id, fields.ToOrderStatus());
        }

        // Not this order's status: its error, in the panel's words.
        try
        {
            return ItemResult.Failure<OrderStatus>(id, answer.Clean(TryGetMessage(message, out var text) ? text : fields.UnbackedFailure()));
        }
        catch (InvalidOperationException exception)
        {
            problem = answer.NotJson($"a value cannot be read: {exception.Message}", exception);
            return null;
        }
    }

    /// <summary>A <c>message</c> that says something: a string, not blank (may throw for text it cannot decode).</summary>
    private static bool TryGetMessage(scoped in JsonValue message, out string text)
    {
        text = string.Empty;
        return message.Kind == JsonTokenType.String && message.TryGetErrorText(out text);
    }

    /// <summary>
    /// The exact reading for an answer that names an id twice: the keys in the order of their first appearance, each
    /// with its last value, read one after the other until the first that fails, as a dictionary of the keys read them.
    /// </summary>
    private static Dictionary<long, ItemResult<OrderStatus>> ReadManyInKeyOrder(PanelAnswer answer)
    {
        var json = answer.Body;
        var values = new Dictionary<string, Range>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            values[key] = start..(int)reader.BytesConsumed;
        }

        var results = new Dictionary<long, ItemResult<OrderStatus>>(values.Count);
        foreach (var (key, range) in values)
        {
            if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw answer.Unexpected($"'{key}' is not an order id");
            }

            // Each value on its own: positions in a value are then from its start, as a JsonElement's raw text is.
            var value = json[range];
            var item = new Utf8JsonReader(value);
            item.Read();
            results[id] = ReadItem(ref item, value, id, answer, out var problem) ?? throw problem!;
        }

        return results;
    }

    private static ItemResult<OrderStatus> NoStatus(long id) => ItemResult.Failure<OrderStatus>(id, "The panel's answer for this order has no status.");

    /// <summary>The fields of one status as read so far; each read replaces the one before.</summary>
    private struct StatusFields
    {
        public decimal? Charge;
        public long? StartCount;
        public string? Status;
        public long? Remains;
        public string? Currency;

        /// <summary>Reads a field's value (an object or an array is no value); throws for a string that cannot be decoded.</summary>
        public void Read(Field field, ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            switch (field)
            {
                case Field.Charge:
                    Charge = FlexibleNumbers.ReadOptionalDecimal(ref reader);
                    break;
                case Field.StartCount:
                    StartCount = FlexibleNumbers.ReadOptionalInt64(ref reader);
                    break;
                case Field.Status:
                    Status = reader.TokenType == JsonTokenType.String ? KnownStrings.GetString(in reader) : FlexibleNumbers.ReadOptionalText(ref reader);
                    break;
                case Field.Remains:
                    Remains = FlexibleNumbers.ReadOptionalInt64(ref reader);
                    break;
                case Field.Currency:
                    Currency = reader.TokenType == JsonTokenType.String ? KnownStrings.GetString(in reader) : FlexibleNumbers.ReadOptionalText(ref reader);
                    break;
            }
        }

        /// <summary>
        /// A word that reads as <see cref="OrderState.Failed"/> with none of the order's own fields read beside it
        /// (a field that is null, empty or a word does not count): an error envelope, not an order that failed.
        /// </summary>
        public readonly bool IsUnbackedFailure =>
            Charge is null && StartCount is null && Remains is null && StatusWords.ToOrderState(Status) == OrderState.Failed;

        /// <summary>Why an unbacked Failed word is not taken as the order's status, with the word.</summary>
        public readonly string UnbackedFailure() =>
            $"the status '{Status}' comes with none of the order's fields (charge, start_count, remains): an error, not the order's status";

        public readonly OrderStatus ToOrderStatus() => new()
        {
            State = StatusWords.ToOrderState(Status),
            StatusText = Status ?? string.Empty,
            Charge = Charge,
            StartCount = StartCount,
            Remains = Remains,
            Currency = Currency,
        };
    }
}
