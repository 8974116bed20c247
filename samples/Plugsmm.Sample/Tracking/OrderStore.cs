using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Plugsmm.Sample.Tracking;

/// <summary>
/// The bot's orders in an embedded SQLite database. <see cref="Migrate"/> brings a database made by an older
/// version (an <c>orders</c> table without provider columns) up to date, and is safe to run any number of times.
/// </summary>
public sealed class OrderStore(string connectionString)
{
    /// <summary>Statuses after which an order is no longer tracked.</summary>
    public static readonly IReadOnlySet<string> FinalStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Completed", "Partial", "Canceled", "Cancelled", "Refunded", "Fail", "Failed",
    };

    /// <summary>A store over a database file.</summary>
    /// <param name="path">The file (created when missing).</param>
    /// <returns>The store.</returns>
    public static OrderStore ForFile(string path) => new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());

    /// <summary>Creates the tables, or adds what an older version's database lacks. Idempotent.</summary>
    public void Migrate()
    {
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS orders (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id TEXT NOT NULL,
                service TEXT NOT NULL,
                link TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                created_at TEXT NOT NULL)
            """);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA table_info(orders)";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(1));
            }
        }

        // The runbook's Phase 2 migration: "--add-column provider_order_id", and what tracking needs beside it.
        (string Name, string Definition)[] added =
        [
            ("provider_order_id", "INTEGER NULL"),
            ("provider_status", "TEXT NULL"),
            ("provider_remains", "INTEGER NULL"),
            ("outcome_unknown", "INTEGER NOT NULL DEFAULT 0"),
            ("final_notified", "INTEGER NOT NULL DEFAULT 0"),
            ("failure", "TEXT NULL"),
            ("updated_at", "TEXT NULL"),
        ];
        foreach (var (name, definition) in added.Where(c => !columns.Contains(c.Name)))
        {
            Execute(connection, $"ALTER TABLE orders ADD COLUMN {name} {definition}");
        }

        Execute(connection, """
            CREATE TABLE IF NOT EXISTS order_status_history (
                order_id INTEGER NOT NULL REFERENCES orders(id),
                status TEXT NOT NULL,
                remains INTEGER NULL,
                at TEXT NOT NULL)
            """);
    }

    /// <summary>Records a new order before it is placed, so no attempt is ever lost.</summary>
    public long Create(string userId, string offer, string link, long quantity, DateTimeOffset now)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO orders (user_id, service, link, quantity, created_at, updated_at) VALUES ($user, $service, $link, $quantity, $now, $now) RETURNING id";
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$service", offer);
        command.Parameters.AddWithValue("$link", link);
        command.Parameters.AddWithValue("$quantity", quantity);
        command.Parameters.AddWithValue("$now", Text(now));
        return (long)command.ExecuteScalar()!;
    }

    public void SetProviderOrder(long id, long providerOrderId, DateTimeOffset now) =>
        Update(id, "provider_order_id = $value, provider_status = 'Pending'", providerOrderId, now);

    public void FlagOutcomeUnknown(long id, string detail, DateTimeOffset now) =>
        Update(id, "outcome_unknown = 1, failure = $value", detail, now);

    public void MarkFailed(long id, string reason, DateTimeOffset now) =>
        Update(id, "failure = $value", reason, now);

    public void MarkFinalNotified(long id, DateTimeOffset now) =>
        Update(id, "final_notified = 1", null, now);

    /// <summary>Stores a status; returns whether it changed (a change is also added to the history).</summary>
    public bool RecordStatus(long id, string status, long? remains, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT provider_status, provider_remains FROM orders WHERE id = $id";
        read.Parameters.AddWithValue("$id", id);
        using (var reader = read.ExecuteReader())
        {
            if (reader.Read() && (reader.IsDBNull(0) ? null : reader.GetString(0)) == status && (reader.IsDBNull(1) ? null : (long?)reader.GetInt64(1)) == remains)
            {
                return false;
            }
        }

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = """
            UPDATE orders SET provider_status = $status, provider_remains = $remains, updated_at = $now WHERE id = $id;
            INSERT INTO order_status_history (order_id, status, remains, at) VALUES ($id, $status, $remains, $now);
            """;
        write.Parameters.AddWithValue("$id", id);
        write.Parameters.AddWithValue("$status", status);
        write.Parameters.AddWithValue("$remains", (object?)remains ?? DBNull.Value);
        write.Parameters.AddWithValue("$now", Text(now));
        write.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    public TrackedOrder? Find(long id) => Query("WHERE id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>Orders placed at the provider and not final yet, or final but whose user was not told yet.</summary>
    public IReadOnlyList<TrackedOrder> Active() =>
        Query("WHERE provider_order_id IS NOT NULL AND final_notified = 0");

    public IReadOnlyList<TrackedOrder> OutcomeUnknown() => Query("WHERE outcome_unknown = 1");

    public IReadOnlyList<TrackedOrder> All() => Query(string.Empty);

    /// <summary>The statuses an order went through, oldest first.</summary>
    public IReadOnlyList<string> History(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM order_status_history WHERE order_id = $id ORDER BY rowid";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var statuses = new List<string>();
        while (reader.Read())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses;
    }

    private List<TrackedOrder> Query(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, service, link, quantity, provider_order_id, provider_status, provider_remains, outcome_unknown, final_notified, failure FROM orders " + where + " ORDER BY id";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var orders = new List<TrackedOrder>();
        while (reader.Read())
        {
            orders.Add(new TrackedOrder(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetInt64(8) != 0,
                reader.GetInt64(9) != 0,
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return orders;
    }

    private void Update(long id, string set, object? value, DateTimeOffset now)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE orders SET {set}, updated_at = $now WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }

        command.Parameters.AddWithValue("$now", Text(now));
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
