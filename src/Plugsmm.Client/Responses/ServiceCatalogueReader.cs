using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Plugsmm.Client;

/// <summary>
/// The answer to <c>services</c>: a JSON array of services, read in one pass straight into <see cref="PlugsmmService"/>s
/// (no intermediate objects). Types and categories, which a catalogue repeats thousands of times, are one string each.
/// </summary>
internal static class ServiceCatalogueReader
{
    /// <summary>The most distinct types and categories kept for one answer; past that, values are decoded one by one.</summary>
    internal const int MaxCachedTexts = 1024;

    /// <summary>The fields of a service this reader reads.</summary>
    internal enum Field
    {
        Unknown,
        Service,
        Name,
        Type,
        Category,
        Rate,
        Min,
        Max,
        Refill,
        Cancel,
        DripFeed,
    }

    public static IReadOnlyList<PlugsmmService> Read(PanelAnswer answer)
    {
        var reader = answer.ReadArrayStart();
        // Sized to the answer: a catalogue of 10,000 services (2.6 MB) has a few hundred of them; a small one, a few.
        var texts = new Utf8StringCache(Math.Clamp(answer.Body.Length / 2048, 16, MaxCachedTexts));
        var services = ArrayPool<PlugsmmService>.Shared.Rent(256);
        var count = 0;
        try
        {
            string? problem = null;
            try
            {
                // Every value is read, to the end, before anything is reported: an unreadable answer is unreadable
                // wherever the fault is, and that comes before a non-2xx status or a service that lacks a field.
                for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            var service = ReadService(ref reader, texts, out var missing);
                            if (service is null)
                            {
                                problem ??= $"service #{index.ToString(CultureInfo.InvariantCulture)} has no readable '{missing}'";
                            }
                            else if (problem is null)
                            {
                                Add(ref services, ref count, service);
                            }

                            break;
                        case JsonTokenType.Null:
                            problem ??= $"service #{index.ToString(CultureInfo.InvariantCulture)} is null";
                            break;
                        default:
                            throw new JsonException($"service #{index.ToString(CultureInfo.InvariantCulture)} is not an object.");
                    }
                }

                PanelAnswer.ReadToEnd(ref reader);
            }
            catch (Exception exception) when (PanelAnswer.IsUnreadable(exception))
            {
                throw answer.Unreadable(exception);
            }

            answer.ThrowIfError(default);
            return problem is null ? services.AsSpan(0, count).ToArray() : throw answer.Unexpected(problem);
        }
        finally
        {
            Return(services, count);
        }
    }

    /// <summary>The field a (decoded) property name is.</summary>
    internal static Field FieldOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 => name.SequenceEqual("min"u8) ? Field.Min : name.SequenceEqual("max"u8) ? Field.Max : Field.Unknown,
        4 => name.SequenceEqual("name"u8) ? Field.Name : name.SequenceEqual("type"u8) ? Field.Type : name.SequenceEqual("rate"u8) ? Field.Rate : Field.Unknown,
        6 => name.SequenceEqual("refill"u8) ? Field.Refill : name.SequenceEqual("cancel"u8) ? Field.Cancel : Field.Unknown,
        7 => name.SequenceEqual("service"u8) ? Field.Service : Field.Unknown,
        8 => name.SequenceEqual("category"u8) ? Field.Category : name.SequenceEqual("dripfeed"u8) ? Field.DripFeed : Field.Unknown,
        _ => Field.Unknown,
    };

    /// <summary>
    /// One service, the reader on its start and left on its end. Every field may come as a string or a number, more
    /// than once (the last one counts), or not at all; null, with the first required field missing, when it cannot be used.
    /// </summary>
    private static PlugsmmService? ReadService(ref Utf8JsonReader reader, Utf8StringCache texts, out string missing)
    {
        long? id = null, min = null, max = null;
        decimal? rate = null;
        string? name = null, type = null, category = null;
        bool? refill = null, cancel = null, dripFeed = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? PropertyNames.MatchEscaped(reader.ValueSpan, FieldOf) : FieldOf(reader.ValueSpan);
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // An object or an array where a field's value should be: no value.
                reader.Skip();
            }

            switch (field)
            {
                case Field.Service:
                    id = FlexibleNumbers.ReadOptionalInt64(ref reader);
                    break;
                case Field.Name:
                    name = FlexibleNumbers.ReadOptionalText(ref reader);
                    break;
                case Field.Type:
                    type = reader.TokenType == JsonTokenType.String ? texts.GetString(ref reader) : FlexibleNumbers.ReadOptionalText(ref reader);
                    break;
                case Field.Category:
                    category = reader.TokenType == JsonTokenType.String ? texts.GetString(ref reader) : FlexibleNumbers.ReadOptionalText(ref reader);
                    break;
                case Field.Rate:
                    rate = FlexibleNumbers.ReadOptionalDecimal(ref reader);
                    break;
                case Field.Min:
                    min = FlexibleNumbers.ReadOptionalInt64(ref reader);
                    break;
                case Field.Max:
                    max = FlexibleNumbers.ReadOptionalInt64(ref reader);
                    break;
                case Field.Refill:
                    refill = FlexibleNumbers.ReadOptionalFlag(ref reader);
                    break;
                case Field.Cancel:
                    cancel = FlexibleNumbers.ReadOptionalFlag(ref reader);
                    break;
                case Field.DripFeed:
                    dripFeed = FlexibleNumbers.ReadOptionalFlag(ref reader);
                    break;
            }
        }

        missing = id is null ? "service" : rate is null ? "rate" : min is null ? "min" : max is null ? "max" : string.Empty;
        if (missing.Length > 0)
        {
            return null;
        }

        return new PlugsmmService
        {
            Id = id!.Value,
            Name = name ?? string.Empty,
            Type = type ?? string.Empty,
            Category = category ?? string.Empty,
            RatePer1000 = rate!.Value,
            Min = min!.Value,
            Max = max!.Value,
            Refill = refill,
            Cancel = cancel,
            DripFeed = dripFeed,
        };
    }

    private static void Add(ref PlugsmmService[] services, ref int count, PlugsmmService service)
    {
        if (count == services.Length)
        {
            var grown = ArrayPool<PlugsmmService>.Shared.Rent(services.Length * 2);
            services.AsSpan(0, count).CopyTo(grown);
            Return(services, count);
            services = grown;
        }

        services[count++] = service;
    }

    private static void Return(PlugsmmService[] services, int count)
    {
        // Pooled arrays must not keep the services alive.
        services.AsSpan(0, count).Clear();
        ArrayPool<PlugsmmService>.Shared.Return(services);
    }
}
