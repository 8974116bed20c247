using System.Globalization;

namespace Plugsmm.Client;

/// <summary>
/// A <see cref="double"/> as PHP 8's <c>http_build_query</c> prints a float: <c>%.*G</c> at its default
/// <c>precision=14</c> (<c>php_gcvt</c>). The value correctly rounded to 14 significant digits, ties to even (.NET's
/// <c>"E13"</c> does exactly that), trailing zeros dropped, the exponent form <c>1.0E+25</c> when the decimal point
/// falls after the 14th digit or before the 4th leading zero, and <c>INF</c>, <c>-INF</c>, <c>NAN</c>, <c>-0</c>.
/// </summary>
internal static class PhpFloatFormatter
{
    private const int Precision = 14;

    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NAN" : value > 0 ? "INF" : "-INF";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0";
        }

        // "d.ddddddddddddd E±xxx", without the sign.
        var text = Math.Abs(value).ToString("E13", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), CultureInfo.InvariantCulture);
        var digits = text[0] + text[2..e];

        // zend_dtoa drops trailing zeros, except for an exact tie rounded down to even in its path for integers
        // below 10^15: 100000000000005 prints as 1.0000000000000E+14 (its 15th digit a 5, its 14th even).
        var magnitude = Math.Abs(value);
        if (!(exponent == Precision && magnitude == Math.Floor(magnitude) && (long)magnitude % 20 == 5))
        {
            digits = digits.TrimEnd('0');
        }

        var point = exponent + 1; // digits before the decimal point
        var body = point < -3 || point > Precision
            ? string.Create(CultureInfo.InvariantCulture, $"{digits[0]}.{(digits.Length > 1 ? digits[1..] : "0")}E{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent)}")
            : point <= 0 ? "0." + new string('0', -point) + digits
            : digits.Length <= point ? digits.PadRight(point, '0')
            : digits[..point] + "." + digits[point..];
        return sign + body;
    }

    /// <summary>A float as the double of its shortest round-trip text: 0.1f is 0.1, not 0.100000001490116.</summary>
    public static double Widen(float value) =>
        float.IsFinite(value) ? double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;
}
