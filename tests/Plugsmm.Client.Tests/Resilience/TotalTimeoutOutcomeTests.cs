using Polly.Timeout;

namespace Plugsmm.Client.Tests.Resilience;

/// <summary>
/// What a call ends with when its total timeout runs out: during an attempt, a timeout whose outcome is unknown for
/// an order; during a retry's wait, the failure it had, so an order that certainly was not sent is not reported as
/// "outcome unknown" (<see cref="CallInfo.LastFailure"/>, recorded by the retry's OnRetry).
/// </summary>
public sealed class TotalTimeoutOutcomeTests
{
    private static readonly TimeoutRejectedException Total = new("The operation didn't complete within the allowed timeout of '00:00:45'.", TimeSpan.FromSeconds(45));

    [Fact]
    public void During_a_retry_wait_an_order_ends_with_its_last_failure_not_an_unknown_outcome()
    {
        var refused = new PlugsmmException("The panel could not be reached for add: Connection refused", "add", PlugsmmErrorKind.Transient) { Reason = "connection" };
        var call = Call("add", waiting: true, refused);

        var error = new CallFailures(new KeySpellings("k")).ToPlugsmmException(Total, call);

        Assert.Same(refused, error);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public void During_an_attempt_an_order_times_out_with_an_unknown_outcome_naming_the_total()
    {
        var call = Call("add", waiting: false, lastFailure: null);

        var error = new CallFailures(new KeySpellings("k")).ToPlugsmmException(Total, call);

        Assert.Equal(("timeout", true, "The call to add timed out after 45s"), (error.Reason, error.OutcomeUnknown, error.Message));
        Assert.Same(Total, error.InnerException);
    }

    private static CallInfo Call(string action, bool waiting, Exception? lastFailure) =>
        new(action, CallInfo.ChangesState(action), new ErrorClassifier(null), new KeySpellings("k"), "c0ffee")
        {
            Waiting = waiting,
            LastFailure = lastFailure,
        };
}
