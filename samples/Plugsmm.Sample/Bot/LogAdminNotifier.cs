using Microsoft.Extensions.Logging;

namespace Plugsmm.Sample.Bot;

/// <summary>Admin notifications to the log (and, in the demo, to the console): the runbook's "Admin notification sent".</summary>
public sealed partial class LogAdminNotifier(ILogger<LogAdminNotifier> logger) : IAdminNotifier
{
    /// <summary>Every notification sent, for the demo's display and for tests.</summary>
    public List<string> Sent { get; } = [];

    /// <inheritdoc />
    public Task NotifyAsync(string message, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add(message);
        }

        AdminNotificationSent(logger, message);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Admin notification sent: {Notification}")]
    private static partial void AdminNotificationSent(ILogger logger, string notification);
}
