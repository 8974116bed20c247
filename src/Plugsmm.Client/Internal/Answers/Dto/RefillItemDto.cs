using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// One item of the answer to <c>refill_status</c> of several refills: the refill's id and its status or its own error
/// (<c>{"refill":1,"status":"Completed"}</c>, <c>{"refill":3,"status":{"error":"Refill not found"}}</c>).
/// </summary>
internal sealed class RefillItemDto
{
    [JsonPropertyName("refill")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Refill { get; set; }

    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }
}
