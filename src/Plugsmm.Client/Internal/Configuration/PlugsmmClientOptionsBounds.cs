using Microsoft.Extensions.Options;

namespace Plugsmm.Client;

/// <summary>
/// The simple bounds of <see cref="PlugsmmClientOptions"/> and its sub-options (their <c>[Range]</c>,
/// <c>[Required]</c> and <c>[ValidateObjectMembers]</c> attributes), checked by code the options source generator
/// writes: no reflection, so trimming and AOT keep it. <see cref="PlugsmmClientOptionsValidator"/> words its messages.
/// </summary>
[OptionsValidator]
internal sealed partial class PlugsmmClientOptionsBounds : IValidateOptions<PlugsmmClientOptions>
{
}
