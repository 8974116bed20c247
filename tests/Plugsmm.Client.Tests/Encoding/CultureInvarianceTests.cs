using System.Globalization;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>The culture of the machine never changes a byte of a body.</summary>
public sealed class CultureInvarianceTests
{
    private static readonly KeyValuePair<string, object?>[] Sample = Fields.Of(
        ("service", -12345), ("big", long.MinValue), ("rate", -1234.5678m), ("d", -1234.5678), ("e", 1.5e-7), ("f", 1e25),
        ("nan", double.NaN), ("inf", double.NegativeInfinity), ("single", -0.25f), ("t", true), ("n", (nint)(-1)),
        ("list", new object[] { -1.5, 2.5m, -3 }), ("text", "١٢٣ ۱۲۳ 1.234,5"));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("tr-TR")]
    [InlineData("sv-SE")]
    public void The_same_fields_give_the_same_bytes_in_any_culture(string culture)
    {
        var invariant = InCulture(CultureInfo.InvariantCulture, () => PhpFormEncoder.Encode(Sample));

        var local = InCulture(CultureInfo.GetCultureInfo(culture), () => PhpFormEncoder.Encode(Sample));

        Assert.Equal(invariant, local);
        Assert.Contains("service=-12345&big=-9223372036854775808&rate=-1234.5678&d=-1234.5678&e=1.5E-7&f=1.0E%2B25&nan=NAN&inf=-INF&single=-0.25", local, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cultures_tested_really_write_numbers_differently()
    {
        // Guards the test above: were these cultures missing (invariant globalization), it would prove nothing.
        Assert.Equal("-1234,5678", (-1234.5678).ToString(CultureInfo.GetCultureInfo("de-DE")));
        Assert.NotEqual("-1", (-1).ToString(CultureInfo.GetCultureInfo("fa-IR")));
        Assert.NotEqual("-1", (-1).ToString(CultureInfo.GetCultureInfo("sv-SE")));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }
    }
}
