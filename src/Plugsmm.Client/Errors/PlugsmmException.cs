using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// A call to the panel failed: the panel refused it, answered something that is not a valid answer, could not
/// be reached, or took too long. Carries what an admin needs — the kind, the HTTP status, the panel's message,
/// a preview of the answer — and never the API key. Show users <see cref="UserMessage"/> only.
/// </summary>
public sealed class PlugsmmException : Exception
{
    /// <summary>Creates the exception (for example to fake an <see cref="IPlugsmmClient"/> in tests).</summary>
    /// <param name="message">What went wrong, for admins and logs.</param>
    /// <param name="action">The API action (<c>add</c>, <c>status</c>, …).</param>
    /// <param name="kind">What kind of failure it is.</param>
    /// <param name="statusCode">The HTTP status, when an answer came.</param>
    /// <param name="panelError">The panel's own error text, when it sent one.</param>
    /// <param name="responsePreview">The start of the answer (API key removed), when it was not a valid answer.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public PlugsmmException(
        string message,
        string action,
        PlugsmmErrorKind kind = PlugsmmErrorKind.Unknown,
        int? statusCode = null,
        string? panelError = null,
        string? responsePreview = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Action = action;
        Kind = kind;
        StatusCode = statusCode;
        PanelError = panelError;
        ResponsePreview = responsePreview;
    }

    /// <summary>The API action that failed (<c>add</c>, <c>status</c>, …).</summary>
    public string Action { get; }

    /// <summary>What kind of failure this is: decides whether to retry, tell an admin, or fix the request.</summary>
    public PlugsmmErrorKind Kind { get; }

    /// <summary>A short stable code of the rule that classified it (<c>insufficient_funds</c>, <c>http_503</c>, <c>timeout</c>, …).</summary>
    public string Reason { get; init; } = PlugsmmErrorReasons.Unknown;

    /// <summary>The HTTP status of the answer, or <see langword="null"/> when none came.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// The panel's error text (<c>Not enough funds on balance</c>, …), or <see langword="null"/>. For admins, never for
    /// users. As safe to log as <see cref="Exception.Message"/>: the API key removed in any spelling (as written, JSON-,
    /// HTML- or form-escaped, base64), control characters and line breaks replaced by spaces, and at most 512 chars
    /// (then '…').
    /// </summary>
    public string? PanelError { get; }

    /// <summary>
    /// The start of an answer that could not be read (its first 512 chars and '…', API key removed in any spelling,
    /// control characters replaced by spaces), or <see langword="null"/>.
    /// </summary>
    public string? ResponsePreview { get; }

    /// <summary>
    /// <see langword="true"/> when the call had a side effect (<c>add</c>, <c>refill</c>, <c>cancel</c>) and it is not
    /// known whether the panel carried it out: a timeout, a connection dropped after sending, a 5xx, an unreadable answer.
    /// Such a call was not retried; reconcile (for <c>add</c>, look for the order on the panel) before trying again.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>How long the panel asked to wait (HTTP <c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The correlation id of the call, also in its log lines and trace.</summary>
    public string CorrelationId { get; internal set; } = string.Empty;

    /// <summary>How many attempts the call made before failing.</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>Whether trying the same call again later is safe and may succeed (a transient or rate-limited failure whose outcome is known).</summary>
    public bool IsRetryable => Kind is PlugsmmErrorKind.Transient or PlugsmmErrorKind.RateLimited && !OutcomeUnknown;

    /// <summary>A generic message for end users: never the panel's text, a provider name, or any detail.</summary>
    public string UserMessage => Kind switch
    {
        PlugsmmErrorKind.RateLimited => "The service is busy right now. Please try again in a few minutes.",
        PlugsmmErrorKind.Permanent when Reason is PlugsmmErrorReasons.InvalidLink => "That link could not be used. Please check it and try again.",
        _ when OutcomeUnknown => "We could not confirm your request. Please do not repeat it; our team will check it.",
        _ => "The service is temporarily unavailable. Please try again later.",
    };

    /// <summary>The answer could not be read as JSON (logged as <c>Invalid JSON response</c> once per such answer).</summary>
    internal bool UnreadableAnswer { get; init; }

    /// <summary>The panel's message matched no rule (logged as <c>Unknown error</c>: a rule would classify it).</summary>
    internal bool Unclassified { get; init; }

    /// <summary>Marks this exception with the call's correlation id and attempt count.</summary>
    internal PlugsmmException WithCall(string correlationId, int attempts)
    {
        CorrelationId = correlationId;
        Attempts = attempts;
        return this;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{base.ToString()}{Environment.NewLine}kind={Kind} reason={Reason} action={Action} status={StatusCode} attempts={Attempts} outcome_unknown={OutcomeUnknown} correlation_id={CorrelationId}");
}
