using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>
/// The answers' types, for System.Text.Json's source generator: metadata made at build time, no reflection (the
/// library is trimmable and AOT-compatible). Default options: property names as written, duplicate properties
/// allowed (the last one counts), no comments, no trailing commas, at most 64 levels.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(List<ServiceDto>))]
[JsonSerializable(typeof(AddAnswerDto))]
[JsonSerializable(typeof(StatusDto))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(BalanceDto))]
[JsonSerializable(typeof(RefillAnswerDto))]
[JsonSerializable(typeof(RefillStatusAnswerDto))]
[JsonSerializable(typeof(List<OrderItemDto>))]
[JsonSerializable(typeof(List<RefillItemDto>))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext;
