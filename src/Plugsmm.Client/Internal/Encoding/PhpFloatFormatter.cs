using System.Globalization;
using System.Numerics;

namespace Plugsmm.Client;

/// <summary>
/// Formats a <see cref="double"/> exactly as PHP 8 prints a float with its default <c>precision=14</c>
/// (<c>php_gcvt</c> over <c>zend_dtoa</c> mode 2): the value correctly rounded to at most 14 significant
/// digits (ties to even), trailing zeros dropped, exponent form <c>1.0E+25</c> when the decimal point
/// falls before the 4th leading zero or after the 14th digit, and <c>INF</c>, <c>-INF</c>, <c>NAN</c>, <c>-0</c>.
/// </summary>
/// <remarks>.NET's "G14" differs (<c>1E+25</c>, <c>-0</c> lost, <c>1E-05</c>, <c>∞</c>), hence this formatter.</remarks>
internal static class PhpFloatFormatter
{
    /// <summary>PHP's default <c>precision</c> ini setting.</summary>
    public const int Precision = 14;

    /// <summary>zend_dtoa's <c>Int_max</c>: integers below 10^15 may take its exact "small integer" path.</summary>
    private const int SmallIntegerMaxExponent = 14;

    /// <summary>Longest output: sign, 14 digits, point, "E-", three exponent digits, with room to spare.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes the ASCII text of <paramref name="value"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            return Write(destination, "NAN"u8);
        }

        if (double.IsInfinity(value))
        {
            return Write(destination, value > 0 ? "INF"u8 : "-INF"u8);
        }

        var pos = 0;
        if (double.IsNegative(value))
        {
            destination[pos++] = (byte)'-';
            value = -value;
        }

        if (value == 0)
        {
            destination[pos++] = (byte)'0';
            return pos;
        }

        Span<byte> digits = stackalloc byte[Precision + 1];
        var digitCount = RoundToSignificantDigits(value, digits, out var exponent10);
        return pos + Layout(digits[..digitCount], exponent10 + 1, destination[pos..]);
    }

    /// <summary>
    /// Rounds a positive finite value to at most <see cref="Precision"/> significant digits (ties to even),
    /// without trailing zeros. <paramref name="exponent10"/> is the power of ten of the first digit.
    /// </summary>
    private static int RoundToSignificantDigits(double value, Span<byte> digits, out int exponent10)
    {
        // "E16" is correctly rounded to 17 significant digits (IEEE-compliant since .NET Core 3.0):
        // d.dddddddddddddddd E±xxx. Only the digits after the 14th decide the rounding.
        Span<char> text = stackalloc char[40];
        value.TryFormat(text, out var length, "E16", CultureInfo.InvariantCulture);
        text = text[..length];
        var ePos = text.IndexOf('E');
        exponent10 = int.Parse(text[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        Span<byte> all = stackalloc byte[17];
        all[0] = (byte)(text[0] - '0');
        for (var i = 0; i < 16; i++)
        {
            all[i + 1] = (byte)(text[i + 2] - '0');
        }

        // The 17-digit text is itself rounded, so "500" after the 14th digit may hide a value just
        // below or just above the half-way point, or the exact tie: only then compare exactly.
        bool roundUp;
        var keepTrailingZeros = false;
        if (all[14] == 5 && all[15] == 0 && all[16] == 0)
        {
            var comparison = CompareWithDecimal(value, all[..15], exponent10 - 14);
            roundUp = comparison > 0 || (comparison == 0 && (all[13] & 1) == 1);

            // zend_dtoa's quick path cannot settle an exact tie; a 15-digit integer (exponent 14 = Int_max)
            // then takes its "small integer" path, which rounds to even but never trims trailing zeros:
            // 100000000000005 prints as 1.0000000000000E+14, where 100000000000004 prints as 1.0E+14.
            keepTrailingZeros = comparison == 0 && !roundUp && exponent10 == SmallIntegerMaxExponent;
        }
        else
        {
            roundUp = all[14] >= 5;
        }

        var count = Precision;
        all[..count].CopyTo(digits);
        if (roundUp)
        {
            var i = count - 1;
            while (i >= 0 && digits[i] == 9)
            {
                digits[i] = 0;
                i--;
            }

            if (i < 0)
            {
                // 99999999999999.5 → 1.0E+14: every digit carried.
                digits[0] = 1;
                digits[1..count].Clear();
                exponent10++;
            }
            else
            {
                digits[i]++;
            }
        }

        while (!keepTrailingZeros && count > 1 && digits[count - 1] == 0)
        {
            count--;
        }

        return count;
    }

    /// <summary>Compares <paramref name="value"/> with the integer made of <paramref name="digits"/> times 10^<paramref name="power10"/>, exactly.</summary>
    private static int CompareWithDecimal(double value, ReadOnlySpan<byte> digits, int power10)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biasedExponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        int power2;
        if (biasedExponent == 0)
        {
            power2 = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            power2 = biasedExponent - 1075;
        }

        BigInteger decimalDigits = 0;
        foreach (var d in digits)
        {
            decimalDigits = (decimalDigits * 10) + d;
        }

        var left = new BigInteger(mantissa);
        var right = decimalDigits;
        if (power2 >= 0)
        {
            left <<= power2;
        }
        else
        {
            right <<= -power2;
        }

        if (power10 >= 0)
        {
            right *= BigInteger.Pow(10, power10);
        }
        else
        {
            left *= BigInteger.Pow(10, -power10);
        }

        return left.CompareTo(right);
    }

    /// <summary>Lays the digits out as <c>php_gcvt</c> does; <paramref name="decimalPoint"/> is zend_dtoa's <c>decpt</c>.</summary>
    private static int Layout(ReadOnlySpan<byte> digits, int decimalPoint, Span<byte> destination)
    {
        var pos = 0;
        if (decimalPoint < 0 ? decimalPoint < -3 : decimalPoint > Precision)
        {
            // Exponent form: 1.0E+25, 1.5E-7.
            destination[pos++] = (byte)('0' + digits[0]);
            destination[pos++] = (byte)'.';
            if (digits.Length == 1)
            {
                destination[pos++] = (byte)'0';
            }
            else
            {
                for (var i = 1; i < digits.Length; i++)
                {
                    destination[pos++] = (byte)('0' + digits[i]);
                }
            }

            var exponent = decimalPoint - 1;
            destination[pos++] = (byte)'E';
            destination[pos++] = exponent < 0 ? (byte)'-' : (byte)'+';
            exponent = Math.Abs(exponent);
            exponent.TryFormat(destination[pos..], out var written, default, CultureInfo.InvariantCulture);
            return pos + written;
        }

        if (decimalPoint <= 0)
        {
            // 0.0001, 0.5
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            for (var i = decimalPoint; i < 0; i++)
            {
                destination[pos++] = (byte)'0';
            }

            foreach (var d in digits)
            {
                destination[pos++] = (byte)('0' + d);
            }

            return pos;
        }

        // 100, 123.456
        for (var i = 0; i < decimalPoint; i++)
        {
            destination[pos++] = i < digits.Length ? (byte)('0' + digits[i]) : (byte)'0';
        }

        if (digits.Length > decimalPoint)
        {
            destination[pos++] = (byte)'.';
            for (var i = decimalPoint; i < digits.Length; i++)
            {
                destination[pos++] = (byte)('0' + digits[i]);
            }
        }

        return pos;
    }

    private static int Write(Span<byte> destination, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
