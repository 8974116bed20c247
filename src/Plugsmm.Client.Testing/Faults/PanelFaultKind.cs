namespace Plugsmm.Client.Testing;

/// <summary>What can go wrong between a client and a panel.</summary>
public enum PanelFaultKind
{
    /// <summary>An HTTP status instead of the answer (429 with <c>Retry-After</c>, 500, 502, 503, 504); the request is not carried out.</summary>
    HttpStatus,

    /// <summary>A Cloudflare error page (HTML, 520–530) instead of the answer; the request is not carried out.</summary>
    CloudflareHtml,

    /// <summary>The request is carried out, then the answer is malformed JSON (PHP warnings before it, say).</summary>
    MalformedJson,

    /// <summary>The request is carried out, then the answer is cut in the middle.</summary>
    TruncatedJson,

    /// <summary>The request is carried out, then the answer is an empty body.</summary>
    EmptyBody,

    /// <summary>The answer comes late (simulated time): a client with a shorter timeout gives up, the request is still carried out.</summary>
    Latency,

    /// <summary>The connection closes before the request is carried out.</summary>
    DropBeforeProcessing,

    /// <summary>The request is carried out, then the connection closes before the answer: the case that duplicates orders in careless clients.</summary>
    DropAfterProcessing,

    /// <summary>The request is carried out, then the panel crashes: an HTTP 5xx with a JSON <c>error</c> body.</summary>
    ServerErrorAfterProcessing,
}
