using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// Checks the simple bounds of <see cref="PlugsmmClientOptions"/> (the generated <see cref="PlugsmmClientOptionsBounds"/>)
/// and names each option as configuration does: <c>Resilience:CircuitBreaker:BreakDuration</c>, not the property path.
/// The bounds include every bound Polly enforces on what the options become, so a value Polly would refuse stops the
/// host at start-up, naming the option, instead of failing the first call.
/// </summary>
internal sealed partial class PlugsmmClientOptionsValidator : IValidateOptions<PlugsmmClientOptions>
{
    /// <summary>The name the generated validator puts before each property path; replaced by the configuration key.</summary>
    private const string Root = "PlugsmmOptions";

    public ValidateOptionsResult Validate(string? name, PlugsmmClientOptions options)
    {
        var result = new PlugsmmClientOptionsBounds().Validate(Root, options);
        if (!result.Failed)
        {
            return result;
        }

        var client = string.IsNullOrEmpty(name) ? "The Plugsmm client" : $"The Plugsmm client '{name}'";
        return ValidateOptionsResult.Fail(result.Failures.Select(failure => $"{client}: {OptionPath().Replace(Message(failure), m => m.Groups[1].Value.Replace('.', ':'))}"));
    }

    /// <summary>Both checks, bounds and rules across fields, as the host runs them at start-up: for a client built without a host.</summary>
    public static void ThrowIfInvalid(string name, PlugsmmClientOptions options)
    {
        var bounds = new PlugsmmClientOptionsValidator().Validate(name, options);
        var rules = new PlugsmmClientOptionsRules().Validate(name, options);
        var failures = (bounds.Failures ?? []).Concat(rules.Failures ?? []).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(PlugsmmClientOptions), failures);
        }
    }

    /// <summary>The attribute's message, without the member list the generated code puts before it, nor "The field".</summary>
    private static string Message(string failure)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        var message = colon >= 0 && failure.IndexOf(Root, StringComparison.Ordinal) > colon ? failure[(colon + 2)..] : failure;
        return message.StartsWith("The field ", StringComparison.Ordinal) ? message["The field ".Length..] : message;
    }

    [GeneratedRegex(Root + @"\.([\w.]+)")]
    private static partial Regex OptionPath();
}
