namespace Plugsmm.Sample.Tracking;

/// <summary>One of the bot's orders, as the database holds it.</summary>
public sealed record TrackedOrder(
    long Id,
    string UserId,
    string Offer,
    string Link,
    long Quantity,
    long? ProviderOrderId,
    string? ProviderStatus,
    long? Remains,
    bool OutcomeUnknown,
    bool FinalNotified,
    string? Failure);
