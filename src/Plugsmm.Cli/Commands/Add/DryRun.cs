using System.Net;
using System.Text;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>
/// <c>add --dry-run</c>: the order goes through the same client and encoder as a real one, into a handler that keeps
/// the body and never opens a connection; the fields it would have sent are returned, the key masked.
/// </summary>
internal static class DryRun
{
    public static async Task<IReadOnlyDictionary<string, string>> FieldsAsync(PlugsmmClientOptions options, OrderRequest order, CancellationToken cancellationToken)
    {
        var capture = new CaptureHandler();
        using var http = new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PlugsmmClient(http, options);
        await client.AddOrderAsync(order, cancellationToken).ConfigureAwait(false);
        return Decode(capture.Body ?? []);
    }

    /// <summary>The fields of an <c>application/x-www-form-urlencoded</c> body, in order, <c>key</c> masked.</summary>
    private static Dictionary<string, string> Decode(byte[] body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.ASCII.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(at < 0 ? pair : pair[..at]);
            fields[name] = name == "key" ? "***" : Unescape(at < 0 ? string.Empty : pair[(at + 1)..]);
        }

        return fields;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>Keeps the request's body and answers as a panel taking the order would; nothing leaves the process.</summary>
    private sealed class CaptureHandler : HttpMessageHandler
    {
        public byte[]? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"order\":1}", Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
        }
    }
}
