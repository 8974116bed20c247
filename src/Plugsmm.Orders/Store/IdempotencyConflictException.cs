namespace Plugsmm.Orders;

/// <summary>An idempotency key was accepted before with a different order (panel, service, link, quantity or price).</summary>
public sealed class IdempotencyConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyConflictException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates the exception for a key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    public IdempotencyConflictException(string idempotencyKey)
        : base($"The idempotency key '{idempotencyKey}' was accepted before with a different order: use a new key for a new order.")
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IdempotencyConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
        IdempotencyKey = string.Empty;
    }

    /// <summary>The key that was reused.</summary>
    public string IdempotencyKey { get; } = string.Empty;
}
