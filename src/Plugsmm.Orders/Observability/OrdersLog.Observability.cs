using Microsoft.Extensions.Logging;

namespace Plugsmm.Orders;

/// <summary>The log line of the engine's metrics (an id far from the engine's 30xx lines, which grow from 3000).</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(EventId = 3090, Level = LogLevel.Warning, Message = "Plugsmm order statistics failed: the orders-by-state, queue and tracking-lag metrics keep their last values; read again in {RetryInSeconds} s")]
    public static partial void StatisticsFailed(ILogger logger, Exception error, double retryInSeconds);
}
