using System.Globalization;

namespace Plugsmm.Client;

/// <summary>The checks order requests make, each failing with an <see cref="ArgumentException"/> that names the field.</summary>
internal readonly struct OrderCheck(OrderRequest order)
{
    /// <summary>The parameter every order error is about.</summary>
    /// <summary>The longest single-line value (a link, a username, one comment) sent: no real one comes near it.</summary>
    public const int MaxTextLength = 8 * 1024;

    private const string Parameter = "order";

    /// <summary>Text on one line: present, not blank, no line break (a line break would split it into a list).</summary>
    public void SingleLine(string? value, string property, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Fail(property, field, "is required and must not be blank");
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw Fail(property, field, "must be on one line (it contains a line break)");
        }

        if (value.Length > MaxTextLength)
        {
            throw Fail(property, field, $"is {value.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxTextLength.ToString(CultureInfo.InvariantCulture)} are sent");
        }
    }

    public void OptionalSingleLine(string? value, string property, string field)
    {
        if (value is not null)
        {
            SingleLine(value, property, field);
        }
    }

    /// <summary>A list sent one item per line: at least one item, none blank, none with a line break of its own.</summary>
    public void Lines(IReadOnlyList<string>? items, string property, string field)
    {
        if (items is null || items.Count == 0)
        {
            throw Fail(property, field, "needs at least one item");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrWhiteSpace(item))
            {
                throw Fail($"{property}[{i.ToString(CultureInfo.InvariantCulture)}]", field, "is blank");
            }

            if (item.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw Fail($"{property}[{i.ToString(CultureInfo.InvariantCulture)}]", field, "contains a line break; give each line as its own item");
            }

            if (item.Length > MaxTextLength)
            {
                throw Fail($"{property}[{i.ToString(CultureInfo.InvariantCulture)}]", field, $"is {item.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxTextLength.ToString(CultureInfo.InvariantCulture)} are sent");
            }
        }
    }

    public void Positive(long value, string property, string field)
    {
        if (value <= 0)
        {
            throw Fail(property, field, $"must be positive (was {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    public void NotNegative(long value, string property, string field)
    {
        if (value < 0)
        {
            throw Fail(property, field, $"must not be negative (was {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    public void Range(long value, long min, long max, string property, string field)
    {
        if (value < min || value > max)
        {
            throw Fail(property, field, $"must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (was {value.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>Drip-feed: runs and interval come together, both positive.</summary>
    public void DripFeed(int? runs, int? interval)
    {
        if (runs.HasValue != interval.HasValue)
        {
            throw Fail(runs.HasValue ? "Interval" : "Runs", runs.HasValue ? "interval" : "runs", "must be given together with " + (runs.HasValue ? "Runs" : "Interval") + " for a drip-feed order");
        }

        if (runs.HasValue)
        {
            Positive(runs.Value, "Runs", "runs");
            Positive(interval!.Value, "Interval", "interval");
        }
    }

#pragma warning disable CA2208 // The public parameter every order error is about is AddOrderAsync's 'order'.
    public ArgumentException Fail(string property, string field, string problem) =>
        new($"{order.GetType().Name}.{property} (field '{field}') {problem}.", Parameter);
#pragma warning restore CA2208
}
