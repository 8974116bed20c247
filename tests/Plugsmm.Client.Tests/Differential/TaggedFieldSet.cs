using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>
/// Writes a field set as one JSON line that build_query.php turns into the same PHP array, and reads it
/// back into .NET values of the same types. Doubles travel as their IEEE 754 bits, so nothing is rounded.
/// </summary>
/// <remarks>
/// Tags: <c>s</c> string, <c>i</c> integer digits (<c>t</c> names the .NET type), <c>d</c> double bits,
/// <c>m</c> decimal text, <c>b</c> bool, <c>n</c> null, <c>l</c> list (<c>t</c>: array or list),
/// <c>o</c> map as [[key, value], …] (<c>t</c>: pairs or dictionary).
/// </remarks>
internal static class TaggedFieldSet
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WritePairs(writer, fields);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static List<KeyValuePair<string, object?>> Read(JsonElement pairs) =>
        pairs.EnumerateArray().Select(p => new KeyValuePair<string, object?>(p[0].GetString()!, ReadValue(p[1]))).ToList();

    private static void WritePairs(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        writer.WriteStartArray();
        foreach (var (key, value) in pairs)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(key);
            WriteValue(writer, value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case null:
                writer.WriteNull("n");
                break;
            case string text:
                writer.WriteString("s", text);
                break;
            case char character:
                writer.WriteString("s", character.ToString());
                writer.WriteString("t", nameof(Char));
                break;
            case float single:
                // The encoder's documented rule: a float is the double of its shortest text.
                var shortest = single.ToString("R", CultureInfo.InvariantCulture);
                writer.WriteString("d", DoubleToHex(double.Parse(shortest, CultureInfo.InvariantCulture)));
                writer.WriteString("r", shortest);
                writer.WriteString("t", nameof(Single));
                break;
            case bool flag:
                writer.WriteBoolean("b", flag);
                break;
            case decimal number:
                writer.WriteString("m", number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteString("d", DoubleToHex(number));
                break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or Int128 or UInt128:
                writer.WriteString("i", ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                writer.WriteString("t", value.GetType().Name);
                break;
            case Dictionary<string, object?> dictionary:
                writer.WritePropertyName("o");
                WritePairs(writer, dictionary);
                writer.WriteString("t", "dictionary");
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WritePropertyName("o");
                WritePairs(writer, pairs);
                writer.WriteString("t", "pairs");
                break;
            case IEnumerable sequence:
                writer.WriteStartArray("l");
                foreach (var item in sequence)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                writer.WriteString("t", value is Array ? "array" : "list");
                break;
            default:
                throw new NotSupportedException(value.GetType().FullName);
        }

        writer.WriteEndObject();
    }

    private static object? ReadValue(JsonElement tagged)
    {
        var type = tagged.TryGetProperty("t", out var t) ? t.GetString() : null;
        var property = tagged.EnumerateObject().First(p => p.Name is not ("t" or "r"));
        var value = property.Value;
        switch (property.Name)
        {
            case "n":
                return null;
            case "s":
                return type == nameof(Char) ? (object)value.GetString()![0] : value.GetString();
            case "b":
                return value.GetBoolean();
            case "m":
                return decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            case "d":
                // Boxed apart: a conditional would widen the float to double.
                return type == nameof(Single)
                    ? (object)float.Parse(tagged.GetProperty("r").GetString()!, CultureInfo.InvariantCulture)
                    : (object)HexToDouble(value.GetString()!);
            case "i":
                var digits = value.GetString()!;
                return type switch
                {
                    nameof(SByte) => sbyte.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(Byte) => byte.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(Int16) => short.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(UInt16) => ushort.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(Int32) => int.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(UInt32) => uint.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(Int64) => long.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(UInt64) => ulong.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(Int128) => Int128.Parse(digits, CultureInfo.InvariantCulture),
                    nameof(UInt128) => UInt128.Parse(digits, CultureInfo.InvariantCulture),
                    _ => throw new NotSupportedException(type),
                };
            case "l":
                var items = value.EnumerateArray().Select(ReadValue).ToList();
                return type == "array" ? items.ToArray() : items;
            case "o":
                var pairs = Read(value);
                return type == "dictionary" ? pairs.ToDictionary(p => p.Key, p => p.Value) : pairs;
            default:
                throw new NotSupportedException(property.Name);
        }
    }

    private static string DoubleToHex(double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return Convert.ToHexStringLower(bytes);
    }

    private static double HexToDouble(string hex) => BinaryPrimitives.ReadDoubleBigEndian(Convert.FromHexString(hex));
}
