using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plugsmm.Client;

/// <summary>An integer that may come as a number or a string (<c>23501</c>, <c>"23501"</c>).</summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FlexibleNumbers.ReadInt64(ref reader, "value");

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>An optional integer: a number, a string holding one, or null/empty/a word such as <c>"Unknown"</c> for none.</summary>
internal sealed class FlexibleOptionalInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        SkipComposite(ref reader);
        return FlexibleNumbers.ReadOptionalInt64(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    internal static void SkipComposite(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }
}

/// <summary>Money: a number or a string holding one, every digit kept (<c>"0.27819"</c>).</summary>
internal sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FlexibleNumbers.ReadDecimal(ref reader, "value");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>Optional money: a number, a string holding one, or null/empty/a word for none.</summary>
internal sealed class FlexibleOptionalDecimalConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FlexibleOptionalInt64Converter.SkipComposite(ref reader);
        return FlexibleNumbers.ReadOptionalDecimal(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>A capability flag: <c>true</c>, <c>1</c>, <c>"1"</c>, <c>"true"</c> and their opposites; null when absent or unreadable.</summary>
internal sealed class FlexibleFlagConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FlexibleOptionalInt64Converter.SkipComposite(ref reader);
        return FlexibleNumbers.ReadOptionalFlag(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Text that may come as a string or a number (a category called <c>2024</c>); null for anything else.</summary>
internal sealed class FlexibleTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FlexibleOptionalInt64Converter.SkipComposite(ref reader);
        return FlexibleNumbers.ReadOptionalText(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
