using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// The answer to <c>refill_status</c> of one refill: <c>{"status":"Completed"}</c>, nested
/// (<c>{"status":{"status":"Completed"}}</c>), <c>{"status":{"error":"Refill not found"}}</c>, or an error.
/// </summary>
internal sealed class RefillStatusAnswerDto : ErrorDto
{
    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }
}
