namespace Plugsmm.Client;

/// <summary>
/// The caller's correlation id for the calls made inside a scope: it appears on the call's span, in every log
/// line of the call and in any <see cref="PlugsmmException"/>. Without a scope each call gets a generated id.
/// </summary>
/// <example><code>
/// using (PlugsmmCorrelation.Begin(update.Id.ToString()))
/// {
///     await client.AddOrderAsync(order);
/// }
/// </code></example>
public static class PlugsmmCorrelation
{
    /// <summary>The longest correlation id kept; longer ones are refused.</summary>
    public const int MaxLength = 128;

    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The correlation id of the current scope, or <see langword="null"/>.</summary>
    public static string? Current => CurrentId.Value;

    /// <summary>Starts a scope in which every call carries <paramref name="correlationId"/>.</summary>
    /// <param name="correlationId">Printable text of at most <see cref="MaxLength"/> chars (a request or update id).</param>
    /// <returns>Dispose it to end the scope.</returns>
    /// <exception cref="ArgumentException"><paramref name="correlationId"/> is empty, too long, or holds control characters.</exception>
    public static IDisposable Begin(string correlationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        if (correlationId.Length > MaxLength || correlationId.Any(char.IsControl))
        {
            throw new ArgumentException($"A correlation id must be printable and at most {MaxLength} chars.", nameof(correlationId));
        }

        var previous = CurrentId.Value;
        CurrentId.Value = correlationId;
        return new Scope(previous);
    }

    /// <summary>The id of a new call: the scope's, or a new 16-hex-digit one.</summary>
    internal static string ForCall() => CurrentId.Value ?? NewId();

    /// <summary>
    /// 16 lowercase hex digits of a random 64-bit number: unique enough to find one call in the logs, and not a
    /// secret, so <see cref="Random.Shared"/> (no system call, unlike <see cref="Guid.NewGuid"/>) and one string.
    /// </summary>
    internal static string NewId()
    {
        Span<byte> bits = stackalloc byte[8];
        Random.Shared.NextBytes(bits);
        return Convert.ToHexStringLower(bits);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                CurrentId.Value = previous;
                _disposed = true;
            }
        }
    }
}
