using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>The answer to <c>balance</c>: <c>{"balance":"100.84292","currency":"USD"}</c>, or an error.</summary>
internal sealed class BalanceDto : ErrorDto
{
    [JsonPropertyName("balance")]
    [JsonConverter(typeof(MoneyConverter))]
    public decimal? Balance { get; set; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(TextConverter))]
    public string? Currency { get; set; }
}
