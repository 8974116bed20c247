using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client.Testing;

/// <summary>How answers are shaped: one id, many ids (an object for <c>status</c>, an array for the rest), and per-id errors.</summary>
internal sealed partial class PanelApi
{
    /// <summary>One id: that item's error as the whole answer, or its value (wrapped as <c>{valueName: …}</c> when named).</summary>
    private static string One(string? idText, Func<long, Item> item, string? valueName = null)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return JsonText.Error("Incorrect order ID");
        }

        var result = item(id);
        return JsonText.Write(w =>
        {
            if (result.IsError || valueName is null)
            {
                result.Write(w);
                return;
            }

            w.WriteStartObject();
            w.WritePropertyName(valueName);
            result.Write(w);
            w.WriteEndObject();
        });
    }

    /// <summary><c>status</c> with <c>orders</c>: an object keyed by id, each value the status or that id's error.</summary>
    private static string Many(string ids, Func<long, Item> item)
    {
        var parsed = ParseIds(ids);
        if (parsed is null)
        {
            return JsonText.Error("Incorrect request");
        }

        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            foreach (var (text, id) in parsed)
            {
                w.WritePropertyName(text);
                (id is { } value ? item(value) : ErrorObject("Incorrect order ID")).Write(w);
            }

            w.WriteEndObject();
        });
    }

    /// <summary><c>refill</c>/<c>refill_status</c>/<c>cancel</c> with many ids: an array of {idField, valueField}.</summary>
    private static string ManyItems(string ids, string idField, string valueField, Func<long, Item> item)
    {
        var parsed = ParseIds(ids);
        if (parsed is null)
        {
            return JsonText.Error("Incorrect request");
        }

        return JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (text, id) in parsed)
            {
                w.WriteStartObject();
                if (id is { } value)
                {
                    w.WriteNumber(idField, value);
                }
                else
                {
                    w.WriteString(idField, text);
                }

                w.WritePropertyName(valueField);
                (id is { } found ? item(found) : ErrorObject("Incorrect order ID")).Write(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static List<(string Text, long? Id)>? ParseIds(string ids)
    {
        var parts = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > MaxIds)
        {
            return null;
        }

        return parts
            .Distinct(StringComparer.Ordinal)
            .Select(p => (p, long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (long?)id : null))
            .ToList();
    }

    private static Item ErrorObject(string message) => new(
        w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        },
        IsError: true);

    /// <summary>One item of an answer: how to write it, and whether it is an error.</summary>
    private readonly record struct Item(Action<Utf8JsonWriter> Write, bool IsError = false);
}
