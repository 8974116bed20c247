namespace Plugsmm.Sample.Bot;

/// <summary>How the bot reaches a user outside a reply (an order completed): Telegram, the console, a test's list.</summary>
public interface IUserMessenger
{
    /// <summary>Sends <paramref name="text"/> to <paramref name="userId"/>.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="text">Generic text: never provider internals.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when it was sent.</returns>
    Task SendAsync(string userId, string text, CancellationToken cancellationToken);
}

/// <summary>Keeps messages in memory (the demo prints them; tests read them).</summary>
public sealed class InMemoryMessenger : IUserMessenger
{
    public List<(string UserId, string Text)> Sent { get; } = [];

    public Task SendAsync(string userId, string text, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add((userId, text));
        }

        return Task.CompletedTask;
    }
}
