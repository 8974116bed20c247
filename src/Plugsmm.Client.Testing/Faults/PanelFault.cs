namespace Plugsmm.Client.Testing;

/// <summary>A fault to inject into one request of the simulated panel. Create one with the static members.</summary>
public sealed record PanelFault
{
    private PanelFault(PanelFaultKind kind, int statusCode = 200, TimeSpan? retryAfter = null, TimeSpan delay = default)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Delay = delay;
    }

    /// <summary>What goes wrong.</summary>
    public PanelFaultKind Kind { get; }

    /// <summary>The HTTP status sent (200 for body faults).</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Retry-After</c> sent with a 429, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How late the answer comes, for <see cref="PanelFaultKind.Latency"/>.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Whether the panel carries the request out before the fault shows.</summary>
    public bool ProcessesRequest => Kind is PanelFaultKind.MalformedJson or PanelFaultKind.TruncatedJson or PanelFaultKind.EmptyBody
        or PanelFaultKind.Latency or PanelFaultKind.DropAfterProcessing or PanelFaultKind.ServerErrorAfterProcessing;

    /// <summary>HTTP 429 Too Many Requests, with <c>Retry-After</c> in seconds when given.</summary>
    /// <param name="retryAfter">The wait to ask for.</param>
    /// <returns>The fault.</returns>
    public static PanelFault TooManyRequests(TimeSpan? retryAfter = null) => new(PanelFaultKind.HttpStatus, 429, retryAfter);

    /// <summary>An HTTP 5xx status (500, 502, 503 or 504) with a short plain body.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns>The fault.</returns>
    public static PanelFault ServerError(int statusCode = 500) =>
        statusCode is 500 or 502 or 503 or 504 ? new(PanelFaultKind.HttpStatus, statusCode) : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use 500, 502, 503 or 504.");

    /// <summary>A Cloudflare error page (HTML) with a 52x status.</summary>
    /// <param name="statusCode">520 to 530.</param>
    /// <returns>The fault.</returns>
    public static PanelFault Cloudflare(int statusCode = 522) =>
        statusCode is >= 520 and <= 530 ? new(PanelFaultKind.CloudflareHtml, statusCode) : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use 520 to 530.");

    /// <summary>Carried out, then answered with malformed JSON.</summary>
    public static PanelFault MalformedJson { get; } = new(PanelFaultKind.MalformedJson);

    /// <summary>Carried out, then answered with JSON cut in the middle.</summary>
    public static PanelFault TruncatedJson { get; } = new(PanelFaultKind.TruncatedJson);

    /// <summary>Carried out, then answered with an empty body.</summary>
    public static PanelFault EmptyBody { get; } = new(PanelFaultKind.EmptyBody);

    /// <summary>The connection closes before the request is carried out.</summary>
    public static PanelFault DropBeforeProcessing { get; } = new(PanelFaultKind.DropBeforeProcessing);

    /// <summary>Carried out, then the connection closes before the answer.</summary>
    public static PanelFault DropAfterProcessing { get; } = new(PanelFaultKind.DropAfterProcessing);

    /// <summary>Carried out, then answered with an HTTP 5xx and a JSON error body (a panel that crashed after taking the order).</summary>
    /// <param name="statusCode">500, 502, 503 or 504.</param>
    /// <returns>The fault.</returns>
    public static PanelFault ServerErrorAfterProcessing(int statusCode = 500) =>
        statusCode is 500 or 502 or 503 or 504 ? new(PanelFaultKind.ServerErrorAfterProcessing, statusCode) : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use 500, 502, 503 or 504.");

    /// <summary>Carried out, answered after <paramref name="delay"/> of simulated time.</summary>
    /// <param name="delay">How late.</param>
    /// <returns>The fault.</returns>
    public static PanelFault Latency(TimeSpan delay) =>
        delay > TimeSpan.Zero ? new(PanelFaultKind.Latency, delay: delay) : throw new ArgumentOutOfRangeException(nameof(delay), delay, "A latency is positive.");

    /// <summary>Every kind of fault once, for matrices (Latency of 5 minutes, 429 with a 1-second Retry-After).</summary>
    public static IReadOnlyList<PanelFault> All { get; } =
    [
        TooManyRequests(TimeSpan.FromSeconds(1)), ServerError(500), ServerError(502), ServerError(503), ServerError(504), Cloudflare(520), Cloudflare(522), Cloudflare(524),
        MalformedJson, TruncatedJson, EmptyBody, Latency(TimeSpan.FromMinutes(5)), DropBeforeProcessing, DropAfterProcessing,
    ];

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PanelFaultKind.HttpStatus or PanelFaultKind.CloudflareHtml => $"{Kind} {StatusCode}",
        PanelFaultKind.Latency => $"Latency {Delay}",
        _ => Kind.ToString(),
    };
}
