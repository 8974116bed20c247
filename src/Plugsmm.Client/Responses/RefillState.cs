namespace Plugsmm.Client;

/// <summary>The state of a refill (the word itself is kept in <see cref="RefillStatus.StatusText"/>).</summary>
public enum RefillState
{
    /// <summary>A word this SDK does not know; see <see cref="RefillStatus.StatusText"/>.</summary>
    Unknown = 0,

    /// <summary><c>Pending</c>.</summary>
    Pending,

    /// <summary><c>In progress</c>.</summary>
    InProgress,

    /// <summary><c>Completed</c>.</summary>
    Completed,

    /// <summary><c>Rejected</c>.</summary>
    Rejected,
}
