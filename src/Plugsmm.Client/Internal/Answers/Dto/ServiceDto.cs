using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>One service of the <c>services</c> answer, every field as panels write it (missing or unreadable: null).</summary>
internal sealed class ServiceDto
{
    [JsonPropertyName("service")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Service { get; set; }

    [JsonPropertyName("name")]
    [JsonConverter(typeof(TextConverter))]
    public string? Name { get; set; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(TextConverter))]
    public string? Type { get; set; }

    [JsonPropertyName("category")]
    [JsonConverter(typeof(TextConverter))]
    public string? Category { get; set; }

    [JsonPropertyName("rate")]
    [JsonConverter(typeof(MoneyConverter))]
    public decimal? Rate { get; set; }

    [JsonPropertyName("min")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Min { get; set; }

    [JsonPropertyName("max")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Max { get; set; }

    [JsonPropertyName("refill")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? Refill { get; set; }

    [JsonPropertyName("cancel")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? Cancel { get; set; }

    [JsonPropertyName("dripfeed")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? DripFeed { get; set; }
}
