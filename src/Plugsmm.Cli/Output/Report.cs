using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Plugsmm.Cli;

/// <summary>
/// What a command prints: rows under named columns. A table when stdout is a terminal, tab-separated lines with a header
/// when it is redirected, or with <c>--json</c> exactly one JSON document (an array of objects, or one object) and nothing else.
/// </summary>
internal sealed class Report(params string[] columns)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<object?[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params object?[] values)
    {
        if (values.Length != columns.Length)
        {
            throw new ArgumentException($"A row has {columns.Length} values.", nameof(values));
        }

        _rows.Add(values);
    }

    /// <summary>Prints the rows; <paramref name="asObject"/> writes the single row as a JSON object rather than an array.</summary>
    public void Write(Terminal terminal, bool json, bool asObject = false)
    {
        if (json)
        {
            WriteJson(terminal.Out, asObject);
        }
        else if (terminal.OutIsTerminal)
        {
            WriteTable(terminal.Out);
        }
        else
        {
            WritePlain(terminal.Out);
        }
    }

    private void WriteJson(TextWriter output, bool asObject)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            if (asObject)
            {
                WriteObject(writer, _rows.Count > 0 ? _rows[0] : new object?[columns.Length]);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var row in _rows)
                {
                    WriteObject(writer, row);
                }

                writer.WriteEndArray();
            }
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        output.Flush();
    }

    private void WriteObject(Utf8JsonWriter writer, object?[] row)
    {
        writer.WriteStartObject();
        for (var i = 0; i < columns.Length; i++)
        {
            switch (row[i])
            {
                case null:
                    break;
                case string text:
                    writer.WriteString(columns[i], text);
                    break;
                case bool flag:
                    writer.WriteBoolean(columns[i], flag);
                    break;
                case long number:
                    writer.WriteNumber(columns[i], number);
                    break;
                case int number:
                    writer.WriteNumber(columns[i], number);
                    break;
                case decimal number:
                    writer.WriteNumber(columns[i], number);
                    break;
                case IReadOnlyDictionary<string, string> fields:
                    writer.WriteStartObject(columns[i]);
                    foreach (var (name, value) in fields)
                    {
                        writer.WriteString(name, value);
                    }

                    writer.WriteEndObject();
                    break;
                default:
                    writer.WriteString(columns[i], Text(row[i]));
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private void WriteTable(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(value => (Spectre.Console.Rendering.IRenderable)new Text(Text(value))).ToArray());
        }

        console.Write(table);
    }

    private void WritePlain(TextWriter output)
    {
        output.WriteLine(string.Join('\t', columns));
        foreach (var row in _rows)
        {
            output.WriteLine(string.Join('\t', row.Select(value => Text(value).Replace('\t', ' ').Replace('\n', ' '))));
        }

        output.Flush();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool flag => flag ? "true" : "false",
        IReadOnlyDictionary<string, string> fields => string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}")),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
