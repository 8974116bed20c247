namespace Plugsmm.Client;

/// <summary>What every attempt of one call needs, handed through the pipeline without a closure.</summary>
/// <param name="Call">The call in flight.</param>
/// <param name="Read">How to read the panel's answer.</param>
/// <param name="Body">The encoded body (new encoder), or null when <paramref name="Fields"/> are encoded per attempt (legacy adapter).</param>
/// <param name="BodyLength">The length of <paramref name="Body"/>'s content.</param>
/// <param name="Fields">The fields, for the legacy adapter only.</param>
internal readonly record struct Attempt<T>(CallInfo Call, AnswerReader<T> Read, byte[]? Body, int BodyLength, List<KeyValuePair<string, object?>>? Fields);
