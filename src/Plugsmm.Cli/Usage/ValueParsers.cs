using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Plugsmm.Cli;

/// <summary>Options whose bad values fail the parse with one line naming the flag and the value (exit 64, nothing sent).</summary>
internal static class ValueParsers
{
    /// <summary>The date forms <c>--expiry</c> takes: the panel's own <c>31/12/2026</c>, or ISO <c>2026-12-31</c>.</summary>
    private static readonly string[] DateFormats = ["dd'/'MM'/'yyyy", "d'/'M'/'yyyy", "yyyy-MM-dd"];

    public static Option<long?> PositiveLong(string name, string description, bool required = false) =>
        Long(name, description, 1, long.MaxValue, required, helpName: "ID");

    public static Option<long?> Long(string name, string description, long min, long max, bool required = false, string helpName = "N") => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = required,
        CustomParser = result => Parse(result, name, text =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : (long?)null,
            $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"),
    };

    public static Option<int?> Int(string name, string description, int min, int max, bool required = false, string helpName = "N") => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = required,
        CustomParser = result => Parse(result, name, text =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : (int?)null,
            $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"),
    };

    public static Option<decimal?> Decimal(string name, string description, decimal min) => new(name)
    {
        Description = description,
        HelpName = "AMOUNT",
        CustomParser = result => Parse(result, name, text =>
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min ? value : (decimal?)null,
            $"a number of at least {min.ToString(CultureInfo.InvariantCulture)} (with a '.' for decimals)"),
    };

    public static Option<double?> Rate(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "R",
        CustomParser = result => Parse(result, name, text =>
            double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1 ? value : (double?)null,
            "a number from 0 to 1 (0.1 is one request in ten)"),
    };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DD/MM/YYYY",
        CustomParser = result => Parse(result, name, text =>
            DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : (DateOnly?)null,
            "a date such as 31/12/2026 (day/month/year) or 2026-12-31"),
    };

    /// <summary>A comma-separated list; the flag may be repeated. Blank items are dropped.</summary>
    public static Option<string[]> List(string name, string description, bool required = false, string helpName = "A,B,...") => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = required,
        CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
    };

    public static Option<string> Text(string name, string description, bool required = false, string helpName = "TEXT") => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = required,
        CustomParser = result => Parse(result, name, text => string.IsNullOrWhiteSpace(text) ? null : text, "not blank"),
    };

    /// <summary>An absolute http(s) URL.</summary>
    public static Option<Uri?> Url(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "URL",
        CustomParser = result => Parse(result, name, text =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null,
            "an absolute http(s) URL such as https://plugsmmservice.com/api/v2"),
    };

    private static T? Parse<T>(ArgumentResult result, string name, Func<string, T?> parse, string expected)
    {
        if (result.Tokens.Count == 0)
        {
            return default;
        }

        var text = result.Tokens[^1].Value;
        var value = parse(text);
        if (value is null)
        {
            result.AddError($"{name}: '{text}' is not valid: expected {expected}.");
        }

        return value;
    }
}
