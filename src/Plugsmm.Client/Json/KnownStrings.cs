using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The words every status answer repeats (status words, currencies), each one string for the whole process:
/// a status of 100 orders says <c>"Completed"</c> and <c>"USD"</c> a hundred times and allocates neither.
/// Matched on the exact UTF-8 bytes, so the text is always what the panel sent.
/// </summary>
internal static class KnownStrings
{
    private static readonly Utf8StringCache Words = Utf8StringCache.Frozen(
    [
        "Pending", "In progress", "In Progress", "Processing", "Completed", "Complete", "Partial", "Canceled", "Cancelled",
        "Refunded", "Fail", "Failed", "Awaiting", "Rejected", "pending", "in progress", "processing", "completed", "partial",
        "canceled", "refunded", "failed", "rejected",
        "USD", "EUR", "RUB", "INR", "TRY", "GBP", "BRL", "IDR", "UAH", "KZT", "NGN", "PKR", "BDT", "VND", "PHP", "MXN", "USDT",
    ]);

    /// <summary>The string of a string token: a known word's shared instance, else <see cref="Utf8JsonReader.GetString"/>.</summary>
    public static string GetString(in Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && Words.Find(reader.ValueSpan) is { } known ? known : reader.GetString()!;
}
