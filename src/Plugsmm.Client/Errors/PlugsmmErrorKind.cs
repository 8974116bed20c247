namespace Plugsmm.Client;

/// <summary>What kind of failure a <see cref="PlugsmmException"/> is, and so what to do about it (docs/errors.md).</summary>
public enum PlugsmmErrorKind
{
    /// <summary>No rule matched: logged as "Unknown error" for operators to classify; never retried.</summary>
    Unknown = 0,

    /// <summary>Network trouble, timeouts, 5xx and Cloudflare 52x: may pass; retried where no order can be doubled.</summary>
    Transient,

    /// <summary>The panel refused the request for good (bad key, service, link, quantity, order id): fix the request; never retried.</summary>
    Permanent,

    /// <summary>Too many requests (HTTP 429 or the panel's words): back off; retried after the delay the panel asks for.</summary>
    RateLimited,

    /// <summary>The balance is too low for the order: an admin must top up; never retried.</summary>
    InsufficientFunds,
}
