namespace Plugsmm.Client;

/// <summary>
/// A rule that classifies a panel's error message: when <see cref="Pattern"/> occurs in the message
/// (case-insensitive), the error is of <see cref="Kind"/>. Rules from <see cref="PlugsmmClientOptions.ErrorRules"/>
/// are tried before the built-in ones, so operators can add or override rules without a rebuild.
/// </summary>
public sealed class PlugsmmErrorRule
{
    /// <summary>Text to find in the panel's message, case-insensitive (<c>Not enough funds</c>).</summary>
    public string Pattern { get; set; } = string.Empty;

    /// <summary>The kind the message is.</summary>
    public PlugsmmErrorKind Kind { get; set; } = PlugsmmErrorKind.Permanent;

    /// <summary>A short stable code for logs and alerts (<c>insufficient_funds</c>); the pattern when empty.</summary>
    public string? Reason { get; set; }

    /// <summary>A copy that later changes to this rule do not reach.</summary>
    internal PlugsmmErrorRule Clone() => (PlugsmmErrorRule)MemberwiseClone();
}
