namespace Plugsmm.Client;

/// <summary>The state of an order, read from the panel's status word (the word itself is kept in <see cref="OrderStatus.StatusText"/>).</summary>
public enum OrderState
{
    /// <summary>A word this SDK does not know; see <see cref="OrderStatus.StatusText"/>.</summary>
    Unknown = 0,

    /// <summary><c>Pending</c>: accepted, not started.</summary>
    Pending,

    /// <summary><c>In progress</c>: being delivered.</summary>
    InProgress,

    /// <summary><c>Processing</c>: being prepared.</summary>
    Processing,

    /// <summary><c>Completed</c>: delivered in full.</summary>
    Completed,

    /// <summary><c>Partial</c>: delivered in part; the rest refunded.</summary>
    Partial,

    /// <summary><c>Canceled</c> or <c>Cancelled</c>.</summary>
    Canceled,

    /// <summary><c>Refunded</c>.</summary>
    Refunded,

    /// <summary><c>Fail</c> or <c>Failed</c>.</summary>
    Failed,

    /// <summary><c>Awaiting</c>: waiting to start (some panels).</summary>
    Awaiting,
}
