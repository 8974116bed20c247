namespace Plugsmm.Client;

/// <summary>
/// A call to the panel failed: the panel answered with an error, answered something that is not a valid
/// answer, or could not be reached. Carries what an admin needs; never the API key.
/// </summary>
public sealed class PlugsmmException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for admins and logs.</param>
    /// <param name="action">The API action (<c>add</c>, <c>status</c>, …).</param>
    /// <param name="statusCode">The HTTP status, when an answer came.</param>
    /// <param name="panelError">The panel's own error text, when it sent one.</param>
    /// <param name="responsePreview">The start of the answer (API key removed), when it was not a valid answer.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public PlugsmmException(string message, string action, int? statusCode = null, string? panelError = null, string? responsePreview = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Action = action;
        StatusCode = statusCode;
        PanelError = panelError;
        ResponsePreview = responsePreview;
    }

    /// <summary>The API action that failed (<c>add</c>, <c>status</c>, …).</summary>
    public string Action { get; }

    /// <summary>The HTTP status of the answer, or <see langword="null"/> when none came.</summary>
    public int? StatusCode { get; }

    /// <summary>The panel's error text (<c>Not enough funds on balance</c>, …), or <see langword="null"/>.</summary>
    public string? PanelError { get; }

    /// <summary>The start of an answer that could not be read (at most 512 chars, API key removed), or <see langword="null"/>.</summary>
    public string? ResponsePreview { get; }
}
