using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>The answer to <c>refill</c> of one order: <c>{"refill":"1"}</c>, <c>{"refill":{"error":"…"}}</c>, or an error.</summary>
internal sealed class RefillAnswerDto : ErrorDto
{
    [JsonPropertyName("refill")]
    public JsonElement? Refill { get; set; }
}
