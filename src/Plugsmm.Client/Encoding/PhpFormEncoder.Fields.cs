using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Plugsmm.Client;

// The walk over the fields: keys, values, nested sequences and dictionaries, and the refusals.
public static partial class PhpFormEncoder
{
    private static void WriteMap(ref FormBodyWriter writer, ref EncoderState state, IEnumerable<KeyValuePair<string, object?>> map)
    {
        var keys = new DuplicateKeyGuard();
        switch (map)
        {
            case KeyValuePair<string, object?>[] array:
                for (var i = 0; i < array.Length; i++)
                {
                    var entry = array[i];
                    CheckKey(ref state, entry.Key, i, keys.Add(entry.Key ?? string.Empty, array.AsSpan(0, i)));
                    WriteEntry(ref writer, ref state, new PathSegment(entry.Key!, 0), entry.Value);
                }

                return;
            case List<KeyValuePair<string, object?>> list:
                for (var i = 0; i < list.Count; i++)
                {
                    var entry = list[i];
                    CheckKey(ref state, entry.Key, i, keys.Add(entry.Key ?? string.Empty, CollectionsMarshal.AsSpan(list)[..i]));
                    WriteEntry(ref writer, ref state, new PathSegment(entry.Key!, 0), entry.Value);
                }

                return;
            default:
                WriteEnumerableMap(ref writer, ref state, map);
                return;
        }
    }

    /// <summary>Fields that may not be read twice: their keys are kept in an inline buffer.</summary>
    private static void WriteEnumerableMap(ref FormBodyWriter writer, ref EncoderState state, IEnumerable<KeyValuePair<string, object?>> map)
    {
        var keys = new DuplicateKeyGuard();
        var buffer = default(DuplicateKeyGuard.KeyBuffer);
        var index = 0;
        foreach (var entry in map)
        {
            CheckKey(ref state, entry.Key, index, entry.Key is not null && keys.Add(entry.Key, ref buffer, index));
            WriteEntry(ref writer, ref state, new PathSegment(entry.Key, 0), entry.Value);
            index++;
        }
    }

    /// <summary>Throws for a null key, or a key already given (<paramref name="isNew"/> false) at this level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckKey(ref EncoderState state, [NotNull] string? key, int index, bool isNew)
    {
        if (key is null)
        {
            throw NullKey(ref state, index);
        }

        if (!isNew)
        {
            throw DuplicateKey(ref state, key);
        }
    }

    private static ArgumentException NullKey(ref EncoderState state, int index) =>
        EncoderErrors.Field($"The key of field #{index.ToString(CultureInfo.InvariantCulture)}{state.DescribeContainer()} is null.");

    private static ArgumentException DuplicateKey(ref EncoderState state, string key) =>
        EncoderErrors.Field($"Field '{state.Describe(key)}' is given twice; PHP would keep only the last one.");

    private static void WriteEntry(ref FormBodyWriter writer, ref EncoderState state, PathSegment segment, object? value)
    {
        // The usual values first, in a small method; the others in one with a larger frame.
        if (value is string text)
        {
            WriteKey(ref writer, ref state, segment);
            WriteText(ref writer, ref state, segment, text);
        }
        else if (value is int number)
        {
            WriteKey(ref writer, ref state, segment);
            writer.WriteNumber(number);
        }
        else
        {
            WriteOtherEntry(ref writer, ref state, segment, value);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteOtherEntry(ref FormBodyWriter writer, ref EncoderState state, PathSegment segment, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                WriteKey(ref writer, ref state, segment);
                WriteText(ref writer, ref state, segment, text);
                return;
            case char character:
                WriteKey(ref writer, ref state, segment);
                WriteText(ref writer, ref state, segment, [character]);
                return;
            case bool flag:
                WriteKey(ref writer, ref state, segment);
                writer.WriteByte(flag ? (byte)'1' : (byte)'0');
                return;
            case int number:
                WriteKey(ref writer, ref state, segment);
                writer.WriteNumber(number);
                return;
            case long number:
                WriteKey(ref writer, ref state, segment);
                writer.WriteNumber(number);
                return;
            case decimal number:
                WriteKey(ref writer, ref state, segment);
                writer.WriteNumber(number);
                return;
            case double number:
                WriteKey(ref writer, ref state, segment);
                writer.WriteDouble(number);
                return;
            case float number:
                WriteKey(ref writer, ref state, segment);
                writer.WriteDouble(WidenSingle(number));
                return;
            case short or ushort or byte or sbyte or uint or ulong or nint or nuint or Int128 or UInt128:
                WriteKey(ref writer, ref state, segment);
                writer.WriteNumber((IUtf8SpanFormattable)value);
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                state.Push(segment, map);
                WriteMap(ref writer, ref state, map);
                state.Pop();
                return;
            case IDictionary dictionary:
                state.Push(segment, dictionary);
                WriteDictionary(ref writer, ref state, dictionary);
                state.Pop();
                return;
            case IEnumerable sequence:
                state.Push(segment, sequence);
                WriteSequence(ref writer, ref state, sequence);
                state.Pop();
                return;
            default:
                throw EncoderErrors.Field(
                    $"Field '{state.Describe(segment)}' is a {value.GetType()}, which the form encoder does not send. " +
                    "Use a string, an integer, a decimal, a double, a bool, null, a sequence or a dictionary.");
        }
    }

    private static void WriteDictionary(ref FormBodyWriter writer, ref EncoderState state, IDictionary dictionary)
    {
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            var entry = enumerator.Entry;
            PathSegment child = entry.Key switch
            {
                string key => new PathSegment(key, 0),
                int or long or short or ushort or byte or sbyte or uint => new PathSegment(null, Convert.ToInt64(entry.Key, CultureInfo.InvariantCulture)),
                _ => throw EncoderErrors.Field(
                    $"Field '{state.DescribePath()}' has a key of type {entry.Key.GetType()}; dictionary keys must be strings or integers."),
            };
            WriteEntry(ref writer, ref state, child, entry.Value);
        }
    }

    private static void WriteSequence(ref FormBodyWriter writer, ref EncoderState state, IEnumerable sequence)
    {
        long index = 0;
        foreach (var item in sequence)
        {
            WriteEntry(ref writer, ref state, new PathSegment(null, index++), item);
        }
    }

    /// <summary>Writes <c>&amp;</c> between fields, then the key path (<c>a%5Bb%5D%5B0%5D</c>), then <c>=</c>.</summary>
    private static void WriteKey(ref FormBodyWriter writer, ref EncoderState state, PathSegment leaf)
    {
        var depth = state.Depth;
        if (depth == 0 && leaf.Key is not null)
        {
            // A top-level field: '&', key and '=' at once.
            var lone = writer.WriteKey(state.FieldsWritten++ > 0, leaf.Key);
            if (lone >= 0)
            {
                throw LoneSurrogate(ref state, leaf, lone, inKey: true);
            }

            return;
        }

        if (state.FieldsWritten++ > 0)
        {
            writer.WriteByte((byte)'&');
        }

        for (var i = 0; i < depth; i++)
        {
            WriteKeySegment(ref writer, ref state, state.Segment(i), bracketed: i > 0);
        }

        WriteKeySegment(ref writer, ref state, leaf, bracketed: depth > 0);
        writer.WriteByte((byte)'=');
    }

    private static void WriteKeySegment(ref FormBodyWriter writer, ref EncoderState state, PathSegment segment, bool bracketed)
    {
        if (bracketed)
        {
            writer.WriteRaw("%5B"u8);
        }

        if (segment.Key is null)
        {
            writer.WriteNumber(segment.Index);
        }
        else if (writer.WriteEscaped(segment.Key) is var invalid && invalid >= 0)
        {
            throw LoneSurrogate(ref state, segment, invalid, inKey: true);
        }

        if (bracketed)
        {
            writer.WriteRaw("%5D"u8);
        }
    }

    private static void WriteText(ref FormBodyWriter writer, ref EncoderState state, PathSegment segment, scoped ReadOnlySpan<char> text)
    {
        var invalid = writer.WriteEscaped(text);
        if (invalid >= 0)
        {
            throw LoneSurrogate(ref state, segment, invalid, inKey: false);
        }
    }

    private static ArgumentException LoneSurrogate(ref EncoderState state, PathSegment segment, int index, bool inKey) =>
        EncoderErrors.LoneSurrogate(state.Describe(segment), index, inKey);

    /// <summary>A float is read as the double of its shortest round-trip text, so 0.1f is 0.1 rather than 0.100000001490116.</summary>
    private static double WidenSingle(float value)
    {
        if (!float.IsFinite(value))
        {
            return value;
        }

        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        return double.Parse(text[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
