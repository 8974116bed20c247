using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// One item of the answer to <c>refill</c> or <c>cancel</c> of several orders: the order's id and its value or its own
/// error in the action's place (<c>{"order":1,"refill":5}</c>, <c>{"order":2,"cancel":{"error":"Incorrect order ID"}}</c>).
/// </summary>
internal sealed class OrderItemDto
{
    [JsonPropertyName("order")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Order { get; set; }

    [JsonPropertyName("refill")]
    public JsonElement? Refill { get; set; }

    [JsonPropertyName("cancel")]
    public JsonElement? Cancel { get; set; }
}
