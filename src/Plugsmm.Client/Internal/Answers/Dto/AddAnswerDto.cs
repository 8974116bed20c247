using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>The answer to <c>add</c>: <c>{"order":23501}</c> (a number or a string), or an error.</summary>
internal sealed class AddAnswerDto : ErrorDto
{
    [JsonPropertyName("order")]
    [JsonConverter(typeof(OrderIdConverter))]
    public PanelOrderId Order { get; set; }
}
