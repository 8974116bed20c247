using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Plugsmm.Client.Tests.Client;

/// <summary>
/// Options that would fail late fail at start-up: every bound Polly enforces on the options the SDK maps to it is the
/// SDK's own (read from Polly's attributes, so the two cannot drift).
/// </summary>
public sealed class OptionBoundsTests
{
    /// <summary>Each resilience option the SDK hands to Polly, with the Polly property it becomes.</summary>
    /// <remarks>The option is its configuration key under <c>Resilience</c>, as the validation messages name it.</remarks>
    public static TheoryData<string, Type, string> PollyMappings() => new()
    {
        { "Retry:MaxRetryAttempts", typeof(RetryStrategyOptions<object>), nameof(RetryStrategyOptions<object>.MaxRetryAttempts) },
        { "Retry:Delay", typeof(RetryStrategyOptions<object>), nameof(RetryStrategyOptions<object>.Delay) },
        { "Retry:MaxDelay", typeof(RetryStrategyOptions<object>), nameof(RetryStrategyOptions<object>.MaxDelay) },
        { "CircuitBreaker:FailureRatio", typeof(CircuitBreakerStrategyOptions<object>), nameof(CircuitBreakerStrategyOptions<object>.FailureRatio) },
        { "CircuitBreaker:MinimumThroughput", typeof(CircuitBreakerStrategyOptions<object>), nameof(CircuitBreakerStrategyOptions<object>.MinimumThroughput) },
        { "CircuitBreaker:SamplingDuration", typeof(CircuitBreakerStrategyOptions<object>), nameof(CircuitBreakerStrategyOptions<object>.SamplingDuration) },
        { "CircuitBreaker:BreakDuration", typeof(CircuitBreakerStrategyOptions<object>), nameof(CircuitBreakerStrategyOptions<object>.BreakDuration) },
        { "AttemptTimeout", typeof(TimeoutStrategyOptions), nameof(TimeoutStrategyOptions.Timeout) },
        { "TotalTimeout", typeof(TimeoutStrategyOptions), nameof(TimeoutStrategyOptions.Timeout) },
    };

    [Theory]
    [MemberData(nameof(PollyMappings))]
    public void Whatever_Pollys_range_refuses_the_SDKs_validation_refuses_by_name_and_whatever_it_accepts_Polly_builds(string option, Type pollyType, string pollyProperty)
    {
        var range = pollyType.GetProperty(pollyProperty)!.GetCustomAttribute<RangeAttribute>()!;
        var checkedValues = 0;
        foreach (var value in AroundTheBounds(range))
        {
            var options = Valid();
            Set(options.Resilience, option, value);
            var polly = Activator.CreateInstance(pollyType)!;
            var pollyAccepts = Validator.TryValidateProperty(value, new ValidationContext(polly) { MemberName = pollyProperty }, []);
            var result = Validate(options);

            // 0 retries is the SDK's "no retry strategy": Polly never sees it.
            var reachesPolly = !(option == "Retry:MaxRetryAttempts" && value is 0);
            if (!pollyAccepts && reachesPolly)
            {
                Assert.True(result.Failed, $"{option} = {value}: Polly refuses it, the SDK accepted it.");
                Assert.Contains(result.Failures, f => f.Contains($"Resilience:{option}", StringComparison.Ordinal));
            }

            if (result.Succeeded)
            {
                // What the SDK accepts, Polly builds: no ValidationException on the first resolve.
                using var http = new HttpClient();
                _ = new PlugsmmClient(http, options);
            }

            checkedValues++;
        }

        Assert.True(checkedValues >= 3);
    }

    [Theory]
    [InlineData("CircuitBreaker:BreakDuration")]
    [InlineData("CircuitBreaker:SamplingDuration")]
    [InlineData("Retry:Delay")]
    public async Task Two_days_stop_the_host_at_start_naming_the_option(string option)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPlugsmmClient(o =>
        {
            o.ApiKey = "0123456789abcdef0123456789abcdef";
            SetTwoDays(o.Resilience, option);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Resilience:{option}", error.Message, StringComparison.Ordinal);
        Assert.Contains("and 1.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CircuitBreaker:BreakDuration")]
    [InlineData("CircuitBreaker:SamplingDuration")]
    [InlineData("Retry:Delay")]
    public void Two_days_stop_the_constructor_naming_the_option(string option)
    {
        var options = Valid();
        SetTwoDays(options.Resilience, option);
        using var http = new HttpClient();

        var error = Assert.Throws<OptionsValidationException>(() => new PlugsmmClient(http, options));

        Assert.Contains($"Resilience:{option}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pollys_own_bounds_are_accepted()
    {
        var options = Valid();
        options.Resilience.Retry.Delay = TimeSpan.FromDays(1);
        options.Resilience.Retry.MaxDelay = TimeSpan.FromDays(1);
        options.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromDays(1);
        options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromDays(1);
        options.Resilience.CircuitBreaker.MinimumThroughput = int.MaxValue;
        using var http = new HttpClient();

        _ = new PlugsmmClient(http, options);

        options.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMilliseconds(500);
        options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(500);
        _ = new PlugsmmClient(http, options);
    }

    private static PlugsmmClientOptions Valid() => new() { ApiKey = "0123456789abcdef0123456789abcdef" };

    /// <summary>Both checks, as the host runs them: the generated bounds, then the rules across fields.</summary>
    private static ValidateOptionsResult Validate(PlugsmmClientOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(new PlugsmmClientOptionsValidator().Validate(Options.DefaultName, options).Failures ?? []);
        failures.AddRange(new PlugsmmClientOptionsRules().Validate(Options.DefaultName, options).Failures ?? []);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void SetTwoDays(PlugsmmResilienceOptions resilience, string option)
    {
        Set(resilience, option, TimeSpan.FromDays(2));
        if (option == "Retry:Delay")
        {
            // Not refused merely for passing MaxDelay.
            resilience.Retry.MaxDelay = TimeSpan.FromDays(2);
        }
    }

    /// <summary>Sets the option at <paramref name="option"/>, a configuration key under <c>Resilience</c> (<c>Retry:Delay</c>).</summary>
    private static void Set(PlugsmmResilienceOptions resilience, string option, object value)
    {
        object target = resilience;
        var path = option.Split(':');
        foreach (var part in path[..^1])
        {
            target = target.GetType().GetProperty(part)!.GetValue(target)!;
        }

        target.GetType().GetProperty(path[^1])!.SetValue(target, value);
        if (option == "Retry:Delay" && value is TimeSpan delay && delay > resilience.Retry.MaxDelay)
        {
            resilience.Retry.MaxDelay = delay;
        }

        if (option == "AttemptTimeout" && value is TimeSpan attempt && attempt > resilience.TotalTimeout)
        {
            // Not refused merely for passing the total.
            resilience.TotalTimeout = attempt;
        }
    }

    /// <summary>Each bound of Polly's [Range], and the nearest value past it on either side.</summary>
    private static object[] AroundTheBounds(RangeAttribute range)
    {
        switch (range.OperandType)
        {
            case var type when type == typeof(TimeSpan):
                var min = TimeSpan.Parse((string)range.Minimum, CultureInfo.InvariantCulture);
                var max = TimeSpan.Parse((string)range.Maximum, CultureInfo.InvariantCulture);
                return [min - TimeSpan.FromTicks(1), min, min + TimeSpan.FromTicks(1), max - TimeSpan.FromTicks(1), max, max + TimeSpan.FromTicks(1), TimeSpan.FromDays(2)];
            case var type when type == typeof(int):
                var low = (int)range.Minimum;
                var high = (int)range.Maximum;
                return new long[] { (long)low - 1, low, (long)low + 1, (long)high - 1, high, (long)high + 1 }
                    .Where(v => v is >= int.MinValue and <= int.MaxValue).Select(v => (object)(int)v).ToArray();
            default:
                var bottom = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
                var top = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
                return [Math.BitDecrement(bottom), bottom, Math.BitIncrement(bottom), Math.BitDecrement(top), top, Math.BitIncrement(top), double.NaN];
        }
    }
}
