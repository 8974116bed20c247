using System.Collections;
using System.Globalization;

namespace Plugsmm.Client;

// The walk over the fields: keys, values, nested sequences and dictionaries, and the refusals.
public static partial class PhpFormEncoder
{
    /// <summary>One walk over the fields, writing each into <paramref name="body"/> as <c>&amp;path=value</c>.</summary>
    private sealed class FieldWalk(FormWriter body)
    {
        /// <summary>The collections that enclose the current value, each with its key: <c>m</c>, <c>list</c> for <c>m[list][1]</c>.</summary>
        private readonly List<(string Key, object Collection)> _enclosing = [];

        public void WriteMap(IEnumerable<KeyValuePair<string, object?>> map)
        {
            // PHP keeps only the last of a key given twice: the first would be lost silently.
            var seen = new HashSet<string>(map.TryGetNonEnumeratedCount(out var count) ? count : 0, StringComparer.Ordinal);
            var index = 0;
            foreach (var (key, value) in map)
            {
                if (key is null)
                {
                    var within = _enclosing.Count == 0 ? string.Empty : $" in field '{Path()}'";
                    throw EncoderErrors.Field($"The key of field #{index.ToString(CultureInfo.InvariantCulture)}{within} is null.");
                }

                if (!seen.Add(key))
                {
                    throw EncoderErrors.Field($"Field '{Path(key)}' is given twice; PHP would keep only the last one.");
                }

                WriteValue(key, value);
                index++;
            }
        }

        private void WriteValue(string key, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    WriteKey(key);
                    WriteText(key, text);
                    return;
                case char character:
                    WriteKey(key);
                    WriteText(key, character.ToString());
                    return;
                case bool flag:
                    WriteKey(key);
                    body.WriteByte(flag ? (byte)'1' : (byte)'0');
                    return;
                case int or long or decimal or short or ushort or byte or sbyte or uint or ulong or nint or nuint or Int128 or UInt128:
                    WriteKey(key);
                    body.WriteNumber((IUtf8SpanFormattable)value);
                    return;
                case double number:
                    WriteKey(key);
                    body.WriteEscaped(PhpFloatFormatter.Format(number));
                    return;
                case float number:
                    WriteKey(key);
                    body.WriteEscaped(PhpFloatFormatter.Format(PhpFloatFormatter.Widen(number)));
                    return;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    // A collection: entered here, left after the switch.
                    Enter(key, map);
                    WriteMap(map);
                    break;
                case IDictionary dictionary:
                    Enter(key, dictionary);
                    WriteDictionary(dictionary);
                    break;
                case IEnumerable sequence:
                    Enter(key, sequence);
                    var index = 0L;
                    foreach (var item in sequence)
                    {
                        WriteValue((index++).ToString(CultureInfo.InvariantCulture), item);
                    }

                    break;
                default:
                    throw EncoderErrors.Field(
                        $"Field '{Path(key)}' is a {value.GetType()}, which the form encoder does not send. " +
                        "Use a string, an integer, a decimal, a double, a bool, null, a sequence or a dictionary.");
            }

            _enclosing.RemoveAt(_enclosing.Count - 1);
        }

        private void WriteDictionary(IDictionary dictionary)
        {
            var entries = dictionary.GetEnumerator();
            while (entries.MoveNext())
            {
                var key = entries.Key switch
                {
                    string text => text,
                    int or long or short or ushort or byte or sbyte or uint => Convert.ToString(entries.Key, CultureInfo.InvariantCulture)!,
                    _ => throw EncoderErrors.Field(
                        $"Field '{Path()}' has a key of type {entries.Key.GetType()}; dictionary keys must be strings or integers."),
                };
                WriteValue(key, entries.Value);
            }
        }

        /// <summary>Enters the collection found at <paramref name="key"/>, unless it is already open (a cycle) or too deep.</summary>
        private void Enter(string key, object collection)
        {
            if (_enclosing.Exists(open => ReferenceEquals(open.Collection, collection)))
            {
                throw EncoderErrors.Field($"Field '{Path(key)}' contains itself; the form encoder cannot send a cycle.");
            }

            if (_enclosing.Count >= MaxDepth)
            {
                throw EncoderErrors.Field($"Field '{Path(key)}' nests collections deeper than {MaxDepth} levels.");
            }

            _enclosing.Add((key, collection));
        }

        /// <summary>Writes <c>&amp;</c> between fields, then the key path (<c>a%5Bb%5D%5B0%5D</c>), then <c>=</c>.</summary>
        private void WriteKey(string key)
        {
            if (body.Length > 0)
            {
                body.WriteByte((byte)'&');
            }

            for (var level = 0; level <= _enclosing.Count; level++)
            {
                var segment = level < _enclosing.Count ? _enclosing[level].Key : key;
                if (level > 0)
                {
                    body.WriteEscaped("[");
                }

                if (body.WriteEscaped(segment) is var lone and >= 0)
                {
                    throw EncoderErrors.LoneSurrogate(Path(key), lone, inKey: true);
                }

                if (level > 0)
                {
                    body.WriteEscaped("]");
                }
            }

            body.WriteByte((byte)'=');
        }

        private void WriteText(string key, string text)
        {
            if (body.WriteEscaped(text) is var lone and >= 0)
            {
                throw EncoderErrors.LoneSurrogate(Path(key), lone, inKey: false);
            }
        }

        /// <summary>The readable path of the enclosing collections and <paramref name="key"/>, as PHP would parse it: <c>a[b][0]</c>.</summary>
        private string Path(string? key = null)
        {
            var segments = _enclosing.Select(open => open.Key).Append(key).OfType<string>().ToList();
            return segments.Count == 0 ? string.Empty : segments[0] + string.Concat(segments.Skip(1).Select(segment => $"[{segment}]"));
        }
    }
}
