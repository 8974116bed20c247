namespace Plugsmm.Client;

/// <summary>The state of a refill (the word itself is kept in <see cref="RefillStatus.StatusText"/>).</summary>
public enum RefillState
{
    /// <summary>A word this SDK does not know; see <see cref="RefillStatus.StatusText"/>.</summary>
    Unknown = 0,

    /// <summary><c>Pending</c> (also <c>Awaiting</c>): not started.</summary>
    Pending,

    /// <summary><c>In progress</c> (also <c>Processing</c>, <c>Refilling</c>): being refilled.</summary>
    InProgress,

    /// <summary><c>Completed</c> (also <c>Processed</c>): refilled.</summary>
    Completed,

    /// <summary><c>Rejected</c> (also <c>Refused</c>, <c>Not found</c>, <c>Error</c>): the panel will not carry the refill out.</summary>
    Rejected,
}
