using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// The top-level <c>error</c> any answer may carry (<c>{"error":"Incorrect request"}</c>, <c>{"error":{"code":7}}</c>):
/// the wrapper a refusal comes in. The answers of every single-object action extend it; an object where a list was
/// expected is read as this alone (<see cref="PanelAnswer.ReadList{T}"/>).
/// </summary>
internal class ErrorDto
{
    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }
}
