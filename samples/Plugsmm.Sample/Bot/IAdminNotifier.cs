namespace Plugsmm.Sample.Bot;

/// <summary>Where admins hear about what users must not see: the provider's errors, low balance, unknown outcomes.</summary>
public interface IAdminNotifier
{
    /// <summary>Tells the admins.</summary>
    /// <param name="message">The detail, for admins only.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when it was sent.</returns>
    Task NotifyAsync(string message, CancellationToken cancellationToken);
}
