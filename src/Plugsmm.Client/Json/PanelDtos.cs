using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

// The shapes of the panels' answers, as loose as real panels are: every number may be a string, every
// optional field may be missing, extra fields are ignored, and any object may carry "error" instead.

/// <summary>Any answer object: only its <c>error</c>, if it has one.</summary>
internal sealed class ErrorDto
{
    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class ServiceDto
{
    [JsonPropertyName("service")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Service { get; set; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(FlexibleTextConverter))]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(FlexibleTextConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("category")]
    [JsonConverter(typeof(FlexibleTextConverter))]
    public string? Category { get; set; }

    [JsonPropertyName("rate")]
    [JsonConverter(typeof(FlexibleOptionalDecimalConverter))]
    public decimal? Rate { get; set; }

    [JsonPropertyName("min")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Min { get; set; }

    [JsonPropertyName("max")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Max { get; set; }

    [JsonPropertyName("refill")]
    [JsonConverter(typeof(FlexibleFlagConverter))]
    public bool? Refill { get; set; }

    [JsonPropertyName("cancel")]
    [JsonConverter(typeof(FlexibleFlagConverter))]
    public bool? Cancel { get; set; }

    [JsonPropertyName("dripfeed")]
    [JsonConverter(typeof(FlexibleFlagConverter))]
    public bool? DripFeed { get; set; }
}

internal sealed class AddDto
{
    [JsonPropertyName("order")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Order { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class StatusDto
{
    [JsonPropertyName("charge")]
    [JsonConverter(typeof(FlexibleOptionalDecimalConverter))]
    public decimal? Charge { get; set; }

    [JsonPropertyName("start_count")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? StartCount { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(FlexibleTextConverter))]
    public string? Status { get; set; }

    [JsonPropertyName("remains")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Remains { get; set; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(FlexibleTextConverter))]
    public string? Currency { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class BalanceDto
{
    [JsonPropertyName("balance")]
    [JsonConverter(typeof(FlexibleOptionalDecimalConverter))]
    public decimal? Balance { get; set; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(FlexibleTextConverter))]
    public string? Currency { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

/// <summary>The answer to one refill: <c>{"refill":"1"}</c>, or wrapped <c>{"success":"…","refill":12345}</c>.</summary>
internal sealed class RefillDto
{
    [JsonPropertyName("refill")]
    public JsonElement? Refill { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

internal sealed class RefillStatusDto
{
    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}

/// <summary>One item of a multi answer: its id and the value-or-error under the action's own property.</summary>
internal sealed class OrderItemDto
{
    [JsonPropertyName("order")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Order { get; set; }

    [JsonPropertyName("refill")]
    public JsonElement? Refill { get; set; }

    [JsonPropertyName("cancel")]
    public JsonElement? Cancel { get; set; }
}

internal sealed class RefillItemDto
{
    [JsonPropertyName("refill")]
    [JsonConverter(typeof(FlexibleOptionalInt64Converter))]
    public long? Refill { get; set; }

    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(List<ServiceDto>))]
[JsonSerializable(typeof(AddDto))]
[JsonSerializable(typeof(StatusDto))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(BalanceDto))]
[JsonSerializable(typeof(RefillDto))]
[JsonSerializable(typeof(RefillStatusDto))]
[JsonSerializable(typeof(List<OrderItemDto>))]
[JsonSerializable(typeof(List<RefillItemDto>))]
internal sealed partial class PanelJsonContext : JsonSerializerContext;
