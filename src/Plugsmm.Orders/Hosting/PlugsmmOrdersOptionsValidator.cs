using Microsoft.Extensions.Options;

namespace Plugsmm.Orders;

/// <summary>Checks <see cref="PlugsmmOrdersOptions"/> when the host starts, naming every wrong setting.</summary>
internal sealed class PlugsmmOrdersOptionsValidator(bool storeRegistered) : IValidateOptions<PlugsmmOrdersOptions>
{
    public ValidateOptionsResult Validate(string? name, PlugsmmOrdersOptions options)
    {
        var failures = new List<string>();
        if (!storeRegistered && string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("PlugsmmOrdersOptions.DatabasePath is required: the SQLite file of the order store.");
        }

        if (options.Panels.Any(p => p is null) || options.Panels.Distinct(StringComparer.Ordinal).Count() != options.Panels.Count)
        {
            failures.Add("PlugsmmOrdersOptions.Panels holds a null or repeated client name.");
        }

        if (options.BatchSize is < 1 or > 100)
        {
            failures.Add("PlugsmmOrdersOptions.BatchSize must be 1 to 100.");
        }

        if (options.MaxConcurrentPlacements is < 1 or > 100)
        {
            failures.Add("PlugsmmOrdersOptions.MaxConcurrentPlacements must be 1 to 100.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            failures.Add("PlugsmmOrdersOptions.LeaseDuration must be at least 1 second (and longer than a client call's total timeout).");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero || options.EventRetryDelay <= TimeSpan.Zero)
        {
            failures.Add("PlugsmmOrdersOptions.PollInterval, RetryDelay and EventRetryDelay must be positive.");
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay < options.EventRetryDelay)
        {
            failures.Add("PlugsmmOrdersOptions.MaxRetryDelay must be at least RetryDelay and EventRetryDelay.");
        }

        if (options.TrackingDelay <= TimeSpan.Zero || options.MaxTrackingInterval < options.TrackingDelay || options.NotFoundGracePeriod < TimeSpan.Zero)
        {
            failures.Add("PlugsmmOrdersOptions.TrackingDelay must be positive, MaxTrackingInterval at least TrackingDelay, and NotFoundGracePeriod not negative.");
        }

        if (options.RefundDecimals is < 0 or > 8)
        {
            failures.Add("PlugsmmOrdersOptions.RefundDecimals must be 0 to 8 (the digits of the currency's minor unit).");
        }

        if (options.BalanceCheckInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("PlugsmmOrdersOptions.BalanceCheckInterval must be at least 1 second.");
        }

        if (options.LowBalanceThreshold < 0m)
        {
            failures.Add("PlugsmmOrdersOptions.LowBalanceThreshold must not be negative (null for no alerts).");
        }

        if (options.RequestsPerMinute is < 1 or > 100_000)
        {
            failures.Add("PlugsmmOrdersOptions.RequestsPerMinute must be 1 to 100000 (requests a minute per panel), or null for no pacing.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
