using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Plugsmm.Client.Tests.Parsing;

// The answer parsers as they were before the one-pass readers (commit 55107ee): DTOs deserialized by a
// source-generated context with flexible converters, JsonElement for values-or-errors, Dictionary<string, JsonElement>
// for several statuses. Kept here as the oracle the readers are compared with, unchanged in behaviour but for the
// field answers of issue 15 (point 9), which both read alike: the status words seen in real answers, a refill status
// nested one level ({"status":{"status":"Completed"}}), and an add answer's order id that is no long but has a digit;
// and a Failed status word with none of the order's fields ({"status":"error","message":"…"}), which is no status.

/// <summary>The pre-rewrite parser of each action, over the same <see cref="PanelAnswer"/>.</summary>
internal static class LegacyParsers
{
    public static IReadOnlyList<PlugsmmService> Services(PanelAnswer answer, int status)
    {
        var dtos = ReadArray(answer, status, LegacyJsonContext.Default.ListLegacyServiceDto);
        ThrowIfError(answer, status, null);
        var services = new PlugsmmService[dtos.Count];
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i] ?? throw answer.Unexpected($"service #{i} is null");
            string Missing(string field) => $"service #{i.ToString(CultureInfo.InvariantCulture)} has no readable '{field}'";
            services[i] = new PlugsmmService
            {
                Id = dto.Service ?? throw answer.Unexpected(Missing("service")),
                Name = dto.Name ?? string.Empty,
                Type = dto.Type ?? string.Empty,
                Category = dto.Category ?? string.Empty,
                RatePer1000 = dto.Rate ?? throw answer.Unexpected(Missing("rate")),
                Min = dto.Min ?? throw answer.Unexpected(Missing("min")),
                Max = dto.Max ?? throw answer.Unexpected(Missing("max")),
                Refill = dto.Refill,
                Cancel = dto.Cancel,
                DripFeed = dto.DripFeed,
            };
        }

        return services;
    }

    public static long Add(PanelAnswer answer, int status)
    {
        var dto = Read(answer, LegacyJsonContext.Default.LegacyAddDto);
        if (dto.Order.Text is { } panelId && status is >= 200 and <= 299)
        {
            throw answer.NonNumericOrderId(panelId);
        }

        if (dto.Order.Id is > 0 && IsError(dto.Error))
        {
            throw answer.PanelErrorBesideOrder(ErrorText(dto.Error!.Value), dto.Order.Id.Value);
        }

        ThrowIfError(answer, status, dto.Error);
        return dto.Order.Id is { } id and > 0
            ? id
            : throw answer.Unexpected("no order id; the order may or may not have been placed, check the panel before ordering again");
    }

    public static OrderStatus Status(PanelAnswer answer, int status)
    {
        var dto = Read(answer, LegacyJsonContext.Default.LegacyStatusDto);
        if (IsUnbackedFailure(dto) && !IsError(dto.Error) && TryGetMessage(dto.Message, out var message))
        {
            throw answer.PanelError(message);
        }

        ThrowIfError(answer, status, dto.Error);
        if (dto.Status is null)
        {
            throw answer.Unexpected("no status");
        }

        return IsUnbackedFailure(dto) ? throw answer.Unexpected(UnbackedFailure(dto)) : ToOrderStatus(dto);
    }

    public static Dictionary<long, ItemResult<OrderStatus>> Statuses(PanelAnswer answer, int status)
    {
        var items = Read(answer, LegacyJsonContext.Default.DictionaryStringJsonElement);
        ThrowIfError(answer, status, items.TryGetValue("error", out var error) ? error : null);
        var results = new Dictionary<long, ItemResult<OrderStatus>>(items.Count);
        foreach (var (key, value) in items)
        {
            if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw answer.Unexpected($"'{key}' is not an order id");
            }

            if (TryGetItemError(value, out var itemError))
            {
                results[id] = ItemResult.Failure<OrderStatus>(id, answer.Clean(itemError));
                continue;
            }

            LegacyStatusDto? dto;
            try
            {
                dto = value.ValueKind == JsonValueKind.Object ? value.Deserialize(LegacyJsonContext.Default.LegacyStatusDto) : null;
            }
            catch (JsonException exception)
            {
                throw answer.NotJson($"order {key}: {exception.Message}", exception);
            }

            results[id] = dto?.Status is null
                ? ItemResult.Failure<OrderStatus>(id, "The panel's answer for this order has no status.")
                : !IsUnbackedFailure(dto) ? ItemResult.Success(id, ToOrderStatus(dto))
                : ItemResult.Failure<OrderStatus>(id, answer.Clean(TryGetMessage(dto.Message, out var message) ? message : UnbackedFailure(dto)));
        }

        return results;
    }

    public static long Refill(PanelAnswer answer, int status)
    {
        var dto = Read(answer, LegacyJsonContext.Default.LegacyRefillDto);
        ThrowIfError(answer, status, dto.Error);
        if (TryGetItemError(dto.Refill, out var error))
        {
            throw answer.PanelError(error);
        }

        return TryReadId(dto.Refill, out var refillId) ? refillId : throw answer.Unexpected("no refill id");
    }

    public static Dictionary<long, ItemResult<long>> Refills(PanelAnswer answer, int status)
    {
        var items = ReadArray(answer, status, LegacyJsonContext.Default.ListLegacyOrderItemDto);
        ThrowIfError(answer, status, null);
        var results = new Dictionary<long, ItemResult<long>>(items.Count);
        foreach (var item in items)
        {
            var id = item?.Order ?? throw answer.Unexpected("an item has no 'order'");
            results[id] = TryGetItemError(item.Refill, out var error) ? ItemResult.Failure<long>(id, answer.Clean(error))
                : TryReadId(item.Refill, out var refillId) ? ItemResult.Success(id, refillId)
                : ItemResult.Unknown<long>(id, answer.UnreadableItem(item.Refill is { ValueKind: JsonValueKind.String } text ? $"has the refill id '{text.GetString()}', which is not a whole number" : "has no refill id"));
        }

        return results;
    }

    public static RefillStatus RefillStatus(PanelAnswer answer, int status)
    {
        var dto = Read(answer, LegacyJsonContext.Default.LegacyRefillStatusDto);
        ThrowIfError(answer, status, dto.Error);
        if (TryGetItemError(dto.Status, out var error))
        {
            throw answer.PanelError(error);
        }

        return ToRefillStatus(dto.Status) ?? throw answer.Unexpected("no status");
    }

    public static Dictionary<long, ItemResult<RefillStatus>> RefillStatuses(PanelAnswer answer, int status)
    {
        var items = ReadArray(answer, status, LegacyJsonContext.Default.ListLegacyRefillItemDto);
        ThrowIfError(answer, status, null);
        var results = new Dictionary<long, ItemResult<RefillStatus>>(items.Count);
        foreach (var item in items)
        {
            var id = item?.Refill ?? throw answer.Unexpected("an item has no 'refill'");
            results[id] = TryGetItemError(item.Status, out var error) ? ItemResult.Failure<RefillStatus>(id, answer.Clean(error))
                : ToRefillStatus(item.Status) is { } refillStatus ? ItemResult.Success(id, refillStatus)
                : ItemResult.Failure<RefillStatus>(id, "The panel's answer for this refill has no status.");
        }

        return results;
    }

    public static Dictionary<long, ItemResult<bool>> Cancels(PanelAnswer answer, int status)
    {
        var items = ReadArray(answer, status, LegacyJsonContext.Default.ListLegacyOrderItemDto);
        ThrowIfError(answer, status, null);
        var results = new Dictionary<long, ItemResult<bool>>(items.Count);
        foreach (var item in items)
        {
            var id = item?.Order ?? throw answer.Unexpected("an item has no 'order'");
            results[id] = TryGetItemError(item.Cancel, out var error) ? ItemResult.Failure<bool>(id, answer.Clean(error))
                : ReadFlag(item.Cancel) is { } accepted ? ItemResult.Success(id, accepted)
                : ItemResult.Unknown<bool>(id, answer.UnreadableItem(item.Cancel is { ValueKind: JsonValueKind.String } text ? $"has the cancel result '{text.GetString()}', which is no yes or no" : "has no cancel result"));
        }

        return results;
    }

    public static PlugsmmBalance Balance(PanelAnswer answer, int status)
    {
        var dto = Read(answer, LegacyJsonContext.Default.LegacyBalanceDto);
        ThrowIfError(answer, status, dto.Error);
        return dto.Balance is { } amount
            ? new PlugsmmBalance { Amount = amount, Currency = dto.Currency }
            : throw answer.Unexpected("no balance");
    }

    private static T Read<T>(PanelAnswer answer, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(answer.Body, type) ?? throw answer.NotJson("the answer is null", null);
        }
        catch (JsonException error)
        {
            throw answer.NotJson(error.Message, error);
        }
    }

    private static T ReadArray<T>(PanelAnswer answer, int status, JsonTypeInfo<T> type)
        where T : class
    {
        if (StartsWithObject(answer.Body))
        {
            var envelope = Read(answer, LegacyJsonContext.Default.LegacyErrorDto);
            ThrowIfError(answer, status, envelope.Error);
            throw answer.Unexpected("expected a JSON array, got an object");
        }

        return Read(answer, type);
    }

    private static void ThrowIfError(PanelAnswer answer, int status, JsonElement? error)
    {
        if (IsError(error))
        {
            throw answer.PanelError(ErrorText(error!.Value));
        }

        if (status is < 200 or > 299)
        {
            throw answer.Unexpected("no error message");
        }
    }

    private static string ErrorText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static bool IsError(JsonElement? error) => error is { } value && value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Trim().Length > 0,
        JsonValueKind.Number => !(value.TryGetInt64(out var number) && number == 0),
        _ => true,
    };

    private static bool TryGetItemError(JsonElement? value, out string error)
    {
        if (value is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty("error", out var text) && IsError(text))
        {
            error = ErrorText(text);
            return true;
        }

        error = string.Empty;
        return false;
    }

    private static bool StartsWithObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsUnbackedFailure(LegacyStatusDto dto) =>
        dto is { Charge: null, StartCount: null, Remains: null } && LegacyStatusWords.ToOrderState(dto.Status) == OrderState.Failed;

    private static string UnbackedFailure(LegacyStatusDto dto) =>
        $"the status '{dto.Status}' comes with none of the order's fields (charge, start_count, remains): an error, not the order's status";

    private static bool TryGetMessage(JsonElement? value, out string message)
    {
        message = value is { ValueKind: JsonValueKind.String } text ? text.GetString()! : string.Empty;
        return message.Trim().Length > 0;
    }

    private static OrderStatus ToOrderStatus(LegacyStatusDto dto) => new()
    {
        State = LegacyStatusWords.ToOrderState(dto.Status),
        StatusText = dto.Status ?? string.Empty,
        Charge = dto.Charge,
        StartCount = dto.StartCount,
        Remains = dto.Remains,
        Currency = dto.Currency,
    };

    private static RefillStatus? ToRefillStatus(JsonElement? status) =>
        RefillWord(status) ?? (status is { ValueKind: JsonValueKind.Object } nested && nested.TryGetProperty("status", out var inner) ? RefillWord(inner) : null);

    private static RefillStatus? RefillWord(JsonElement? status) =>
        status is { ValueKind: JsonValueKind.String } text
            ? new RefillStatus { State = LegacyStatusWords.ToRefillState(text.GetString()), StatusText = text.GetString()! }
            : null;

    private static bool TryReadId(JsonElement? value, out long id)
    {
        id = 0;
        return value switch
        {
            { ValueKind: JsonValueKind.Number } number => number.TryGetInt64(out id) && id > 0,
            { ValueKind: JsonValueKind.String } text => long.TryParse(text.GetString(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out id) && id > 0,
            _ => false,
        };
    }

    private static bool? ReadFlag(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.Number } number => number.TryGetInt64(out var n) ? n != 0 : null,
        { ValueKind: JsonValueKind.String } text => text.GetString()?.Trim() switch
        {
            "1" or "true" or "ok" or "success" => true,
            "0" or "false" => false,
            _ => null,
        },
        _ => null,
    };
}

internal static class LegacyStatusWords
{
    public static OrderState ToOrderState(string? word) => Normalize(word) switch
    {
        "pending" or "queued" or "new" => OrderState.Pending,
        "inprogress" or "running" or "active" => OrderState.InProgress,
        "processing" or "processingorder" => OrderState.Processing,
        "completed" or "complete" or "success" or "done" or "finished" => OrderState.Completed,
        "partial" => OrderState.Partial,
        "canceled" or "cancelled" or "cancel" or "canscelled" => OrderState.Canceled,
        "refunded" or "refund" => OrderState.Refunded,
        "fail" or "failed" or "error" or "rejected" => OrderState.Failed,
        "awaiting" or "waiting" => OrderState.Awaiting,
        _ => OrderState.Unknown,
    };

    public static RefillState ToRefillState(string? word) => Normalize(word) switch
    {
        "pending" or "awaiting" => RefillState.Pending,
        "inprogress" or "processing" or "refilling" => RefillState.InProgress,
        "completed" or "complete" or "processed" => RefillState.Completed,
        "rejected" or "refused" or "notfound" or "error" => RefillState.Rejected,
        _ => RefillState.Unknown,
    };

    private static string Normalize(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Math.Min(word.Length, 32)];
        var length = 0;
        foreach (var c in word)
        {
            if (c is ' ' or '_' or '-' or '\t')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return string.Empty;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }
}

/// <summary>The number reading of commit 55107ee.</summary>
internal static class LegacyFlexibleNumbers
{
    public static long? ReadOptionalInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return TryReadInt64(ref reader, out var value) ? value : null;
    }

    public static decimal? ReadOptionalDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return TryReadDecimal(ref reader, out var value) ? value : null;
    }

    public static bool? ReadOptionalFlag(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number != 0 : null;
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence && Trim(reader.ValueSpan) is var raw && raw.Length <= 1:
                return raw.Length == 0 ? false : raw[0] == (byte)'1' ? true : raw[0] == (byte)'0' ? false : null;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text is "0" or "" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return null;
            default:
                return null;
        }
    }

    public static string? ReadOptionalText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    private static bool TryReadInt64(ref Utf8JsonReader reader, out long value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out value))
                {
                    return true;
                }

                if (reader.TryGetDecimal(out var whole) && whole == decimal.Truncate(whole) && whole is >= long.MinValue and <= long.MaxValue)
                {
                    value = (long)whole;
                    return true;
                }

                return false;
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                if (!reader.ValueIsEscaped && Utf8Parser.TryParse(Trim(span), out value, out var consumed) && consumed == Trim(span).Length)
                {
                    return true;
                }

                return long.TryParse(reader.GetString(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    private static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out value);
            case JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence:
                return decimal.TryParse(Trim(reader.ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case JsonTokenType.String:
                return decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span) => span.Trim(" \t\r\n"u8);
}

internal sealed class LegacyOptionalInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        SkipComposite(ref reader);
        return LegacyFlexibleNumbers.ReadOptionalInt64(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options) => throw new NotSupportedException();

    internal static void SkipComposite(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }
}

/// <summary>An add answer's order id: the number, or the text of one that is no long but has a digit (<c>"ref_01HG9X"</c>).</summary>
internal readonly record struct LegacyOrderId(long? Id, string? Text);

internal sealed class LegacyOrderIdConverter : JsonConverter<LegacyOrderId>
{
    public override bool HandleNull => true;

    public override LegacyOrderId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        LegacyOptionalInt64Converter.SkipComposite(ref reader);
        var id = LegacyFlexibleNumbers.ReadOptionalInt64(ref reader);
        var text = id is not null ? null : reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!.Trim(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan).Trim(),
            _ => null,
        };
        return new(id, text is not null && text.Any(char.IsAsciiDigit) ? text : null);
    }

    public override void Write(Utf8JsonWriter writer, LegacyOrderId value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class LegacyOptionalDecimalConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        LegacyOptionalInt64Converter.SkipComposite(ref reader);
        return LegacyFlexibleNumbers.ReadOptionalDecimal(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class LegacyFlagConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        LegacyOptionalInt64Converter.SkipComposite(ref reader);
        return LegacyFlexibleNumbers.ReadOptionalFlag(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class LegacyTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        LegacyOptionalInt64Converter.SkipComposite(ref reader);
        return LegacyFlexibleNumbers.ReadOptionalText(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => throw new NotSupportedException();
}

internal sealed class LegacyErrorDto
{
    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class LegacyServiceDto
{
    [JsonPropertyName("service")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? Service { get; set; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(LegacyTextConverter))]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(LegacyTextConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("category")]
    [JsonConverter(typeof(LegacyTextConverter))]
    public string? Category { get; set; }

    [JsonPropertyName("rate")]
    [JsonConverter(typeof(LegacyOptionalDecimalConverter))]
    public decimal? Rate { get; set; }

    [JsonPropertyName("min")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? Min { get; set; }

    [JsonPropertyName("max")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? Max { get; set; }

    [JsonPropertyName("refill")]
    [JsonConverter(typeof(LegacyFlagConverter))]
    public bool? Refill { get; set; }

    [JsonPropertyName("cancel")]
    [JsonConverter(typeof(LegacyFlagConverter))]
    public bool? Cancel { get; set; }

    [JsonPropertyName("dripfeed")]
    [JsonConverter(typeof(LegacyFlagConverter))]
    public bool? DripFeed { get; set; }
}

internal sealed class LegacyAddDto
{
    [JsonPropertyName("order")]
    [JsonConverter(typeof(LegacyOrderIdConverter))]
    public LegacyOrderId Order { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class LegacyStatusDto
{
    [JsonPropertyName("charge")]
    [JsonConverter(typeof(LegacyOptionalDecimalConverter))]
    public decimal? Charge { get; set; }

    [JsonPropertyName("start_count")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? StartCount { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(LegacyTextConverter))]
    public string? Status { get; set; }

    [JsonPropertyName("remains")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? Remains { get; set; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(LegacyTextConverter))]
    public string? Currency { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }

    [JsonPropertyName("message")]
    public JsonElement? Message { get; set; }
}

internal sealed class LegacyBalanceDto
{
    [JsonPropertyName("balance")]
    [JsonConverter(typeof(LegacyOptionalDecimalConverter))]
    public decimal? Balance { get; set; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(LegacyTextConverter))]
    public string? Currency { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class LegacyRefillDto
{
    [JsonPropertyName("refill")]
    public JsonElement? Refill { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class LegacyRefillStatusDto
{
    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class LegacyOrderItemDto
{
    [JsonPropertyName("order")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? Order { get; set; }

    [JsonPropertyName("refill")]
    public JsonElement? Refill { get; set; }

    [JsonPropertyName("cancel")]
    public JsonElement? Cancel { get; set; }
}

internal sealed class LegacyRefillItemDto
{
    [JsonPropertyName("refill")]
    [JsonConverter(typeof(LegacyOptionalInt64Converter))]
    public long? Refill { get; set; }

    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(LegacyErrorDto))]
[JsonSerializable(typeof(List<LegacyServiceDto>))]
[JsonSerializable(typeof(LegacyAddDto))]
[JsonSerializable(typeof(LegacyStatusDto))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(LegacyBalanceDto))]
[JsonSerializable(typeof(LegacyRefillDto))]
[JsonSerializable(typeof(LegacyRefillStatusDto))]
[JsonSerializable(typeof(List<LegacyOrderItemDto>))]
[JsonSerializable(typeof(List<LegacyRefillItemDto>))]
internal sealed partial class LegacyJsonContext : JsonSerializerContext;
