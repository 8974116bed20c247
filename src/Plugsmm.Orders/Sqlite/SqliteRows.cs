using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Plugsmm.Orders;

/// <summary>How values are stored: times as Unix milliseconds (UTC), money as invariant decimal text (every digit kept).</summary>
internal static class SqliteRows
{
    /// <summary>The columns <see cref="ReadOrder"/> reads, in its order.</summary>
    internal const string OrderColumns =
        "id, idempotency_key, panel, service_id, link, quantity, price, state, version, attempts, reason, provider_order_id, "
        + "provider_charge, remains, refunded_amount, next_poll_at, created_at, updated_at, placed_at, provider_status, start_count, polls, cancel_state, cancel_reason, "
        + "refill_state, refill_id, refill_reason, refill_status, refill_polls";

    /// <summary>The columns <see cref="ReadEvent"/> reads, in its order (events <c>e</c> left-joined to orders <c>o</c>: a panel's event has no order).</summary>
    internal const string EventColumns =
        "e.seq, e.dedupe_key, e.order_id, o.idempotency_key, e.kind, e.state, e.provider_order_id, e.refund_amount, e.reason, e.occurred_at, e.attempts, e.remains, e.provider_status, e.refill_id, "
        + "COALESCE(e.panel, o.panel), e.balance";

    internal static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    internal static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    internal static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    internal static LocalOrder ReadOrder(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        IdempotencyKey = reader.GetString(1),
        Panel = reader.GetString(2),
        ServiceId = reader.GetInt64(3),
        Link = reader.GetString(4),
        Quantity = reader.GetInt64(5),
        Price = Money(reader.GetString(6)),
        State = (LocalOrderState)reader.GetInt32(7),
        Version = reader.GetInt64(8),
        Attempts = reader.GetInt32(9),
        Reason = reader.IsDBNull(10) ? null : reader.GetString(10),
        ProviderOrderId = reader.IsDBNull(11) ? null : reader.GetInt64(11),
        ProviderCharge = reader.IsDBNull(12) ? null : Money(reader.GetString(12)),
        Remains = reader.IsDBNull(13) ? null : reader.GetInt64(13),
        RefundedAmount = Money(reader.GetString(14)),
        NextPollAt = reader.IsDBNull(15) ? null : Time(reader.GetInt64(15)),
        CreatedAt = Time(reader.GetInt64(16)),
        UpdatedAt = Time(reader.GetInt64(17)),
        PlacedAt = reader.IsDBNull(18) ? null : Time(reader.GetInt64(18)),
        ProviderStatus = reader.IsDBNull(19) ? null : reader.GetString(19),
        StartCount = reader.IsDBNull(20) ? null : reader.GetInt64(20),
        Polls = reader.GetInt32(21),
        Cancel = reader.IsDBNull(22) ? null : (CancelState)reader.GetInt32(22),
        CancelReason = reader.IsDBNull(23) ? null : reader.GetString(23),
        Refill = reader.IsDBNull(24) ? null : (RefillRequestState)reader.GetInt32(24),
        RefillId = reader.IsDBNull(25) ? null : reader.GetInt64(25),
        RefillReason = reader.IsDBNull(26) ? null : reader.GetString(26),
        RefillStatus = reader.IsDBNull(27) ? null : reader.GetString(27),
        RefillPolls = reader.GetInt32(28),
    };

    internal static OrderEvent ReadEvent(SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        DedupeKey = reader.GetString(1),
        OrderId = reader.IsDBNull(2) ? 0 : reader.GetInt64(2),
        IdempotencyKey = reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
        Kind = (OrderEventKind)reader.GetInt32(4),
        State = (LocalOrderState)reader.GetInt32(5),
        ProviderOrderId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
        RefundAmount = Money(reader.GetString(7)),
        Reason = reader.IsDBNull(8) ? null : reader.GetString(8),
        OccurredAt = Time(reader.GetInt64(9)),
        PreviousAttempts = reader.GetInt32(10),
        Remains = reader.IsDBNull(11) ? null : reader.GetInt64(11),
        ProviderStatus = reader.IsDBNull(12) ? null : reader.GetString(12),
        RefillId = reader.IsDBNull(13) ? null : reader.GetInt64(13),
        Panel = reader.GetString(14),
        Balance = reader.IsDBNull(15) ? null : Money(reader.GetString(15)),
    };

    /// <summary>Adds a parameter, null as <see cref="DBNull"/>.</summary>
    internal static void Add(this SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
