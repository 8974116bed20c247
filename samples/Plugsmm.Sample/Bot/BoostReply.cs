namespace Plugsmm.Sample.Bot;

/// <summary>What the bot answers a user: a generic text (no provider internals), and the order when one was placed.</summary>
/// <param name="Text">The message for the user.</param>
/// <param name="OrderId">The bot's own order number, when one was recorded.</param>
public sealed record BoostReply(string Text, long? OrderId = null);
