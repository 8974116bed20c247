namespace Plugsmm.Client;

/// <summary>The state of an order, read from the panel's status word (the word itself is kept in <see cref="OrderStatus.StatusText"/>).</summary>
public enum OrderState
{
    /// <summary>A word this SDK does not know; see <see cref="OrderStatus.StatusText"/>.</summary>
    Unknown = 0,

    /// <summary><c>Pending</c> (also <c>queued</c>, <c>new</c>): accepted, not started.</summary>
    Pending,

    /// <summary><c>In progress</c> (also <c>running</c>, <c>active</c>): being delivered.</summary>
    InProgress,

    /// <summary><c>Processing</c> (also <c>processing order</c>): being prepared.</summary>
    Processing,

    /// <summary><c>Completed</c> (also <c>complete</c>, <c>success</c>, <c>done</c>, <c>finished</c>): delivered in full.</summary>
    Completed,

    /// <summary><c>Partial</c>: delivered in part; the rest refunded.</summary>
    Partial,

    /// <summary><c>Canceled</c>, <c>Cancelled</c> or the misspelling <c>canscelled</c>.</summary>
    Canceled,

    /// <summary><c>Refunded</c> (also <c>refund</c>).</summary>
    Refunded,

    /// <summary>
    /// <c>Fail</c>, <c>Failed</c>, <c>error</c> or <c>rejected</c>: the panel will not deliver it. Believed only beside
    /// one of the order's fields (<c>charge</c>, <c>start_count</c>, <c>remains</c>); the word alone is an error, never this state.
    /// </summary>
    Failed,

    /// <summary><c>Awaiting</c> (also <c>waiting</c>): waiting to start (some panels).</summary>
    Awaiting,
}
