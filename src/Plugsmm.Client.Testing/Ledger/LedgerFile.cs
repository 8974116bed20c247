using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Plugsmm.Client.Testing;

/// <summary>
/// The ledger as a file: one JSON object per line per request, as the panel handled it, appended and flushed line by
/// line so that a reader (a test that killed the client under test) sees every request the panel finished.
/// </summary>
internal sealed class LedgerFile : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _file;
    private readonly MemoryStream _line = new();
    private long _sequence;

    public LedgerFile(string path)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>Appends one request's line and flushes it to the file (called under the panel's lock).</summary>
    public void Write(DateTimeOffset at, string action, IReadOnlyDictionary<string, string> fields, PanelExchange exchange, bool processed, SimulatedOrder? order, decimal balance)
    {
        _line.SetLength(0);
        using (var w = new Utf8JsonWriter(_line, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", ++_sequence);
            w.WriteString("at", at);
            w.WriteString("action", action);
            w.WriteStartObject("fields");
            foreach (var (name, value) in fields)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            if (exchange.Drop)
            {
                w.WriteNull("status");
            }
            else
            {
                w.WriteNumber("status", exchange.StatusCode);
            }

            w.WriteString("error", processed ? ErrorOf(exchange.Body) : null);
            w.WriteString("fault", exchange.Fault?.ToString());
            w.WriteBoolean("processed", processed);
            if (order is not null)
            {
                w.WriteStartObject("order");
                w.WriteNumber("id", order.Id);
                w.WriteNumber("service", order.Service.Id);
                w.WriteString("link", order.Link);
                w.WriteNumber("quantity", order.Quantity);
                w.WriteNumber("charge", order.Charge);
                w.WriteEndObject();
            }

            w.WriteNumber("balance", balance);
            w.WriteEndObject();
        }

        _line.WriteByte((byte)'\n');
        _file.Write(_line.GetBuffer(), 0, (int)_line.Length);
        _file.Flush(flushToDisk: false);
    }

    public void Dispose()
    {
        _file.Dispose();
        _line.Dispose();
    }

    /// <summary>The panel's top-level <c>error</c> text, when the answer is <c>{"error": …}</c>.</summary>
    private static string? ErrorOf(string answer)
    {
        if (!answer.StartsWith("{\"error\"", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(answer));
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
