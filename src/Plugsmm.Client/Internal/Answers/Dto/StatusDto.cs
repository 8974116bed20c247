using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// One order's status (the whole answer to <c>status</c> of one order, or one value of the answer for several), with
/// the <c>error</c> and <c>message</c> a panel may send in its place.
/// </summary>
internal sealed class StatusDto : ErrorDto
{
    [JsonPropertyName("charge")]
    [JsonConverter(typeof(MoneyConverter))]
    public decimal? Charge { get; set; }

    [JsonPropertyName("start_count")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? StartCount { get; set; }

    [JsonPropertyName("status")]
    [JsonConverter(typeof(TextConverter))]
    public string? Status { get; set; }

    [JsonPropertyName("remains")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Remains { get; set; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(TextConverter))]
    public string? Currency { get; set; }

    [JsonPropertyName("message")]
    public JsonElement? Message { get; set; }
}
