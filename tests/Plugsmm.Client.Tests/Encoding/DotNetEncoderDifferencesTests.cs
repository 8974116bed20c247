using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Web;

namespace Plugsmm.Client.Tests.FormEncoding;

/// <summary>
/// docs/encoding.md has a table of where .NET's encoders differ from PHP. This reads that table and checks every
/// cell against the real encoders, so the page cannot drift from the truth.
/// </summary>
public sealed partial class DotNetEncoderDifferencesTests
{
    private static readonly (string Column, Func<string, string> Encode)[] Encoders =
    [
        ("PHP `http_build_query`", value => PhpFormEncoder.Encode([new("v", value)])[2..]),
        ("`FormUrlEncodedContent`", value => new FormUrlEncodedContent([new("v", value)]).ReadAsStringAsync().GetAwaiter().GetResult()[2..]),
        ("`WebUtility.UrlEncode`", value => WebUtility.UrlEncode(value)),
        ("`Uri.EscapeDataString`", Uri.EscapeDataString),
        ("`HttpUtility.UrlEncode`", value => HttpUtility.UrlEncode(value)),
    ];

    [Fact]
    public void Every_cell_of_the_table_in_docs_encoding_md_is_what_the_encoder_writes()
    {
        var rows = ReadTable();
        Assert.True(rows.Count >= 10, "the table in docs/encoding.md was not found");

        foreach (var (value, cells) in rows)
        {
            for (var i = 0; i < Encoders.Length; i++)
            {
                var (column, encode) = Encoders[i];
                string actual;
                try
                {
                    actual = "`" + encode(value) + "`";
                }
                catch (ArgumentException)
                {
                    actual = "refused";
                }

                Assert.True(cells[i] == actual, $"{value} (U+{(int)value[0]:X4}) under {column}: the page says {cells[i]}, the encoder writes {actual}");
            }
        }
    }

    [Fact]
    public void Characters_left_out_of_the_table_are_encoded_identically_by_all_five()
    {
        var listed = ReadTable().Select(r => r.Value).ToHashSet(StringComparer.Ordinal);
        var candidates = Enumerable.Range(0, 0x80).Select(c => ((char)c).ToString()).Concat(["é", "ж", "中", "😀"]);

        foreach (var value in candidates.Where(c => !listed.Contains(c)))
        {
            var php = Encoders[0].Encode(value);
            foreach (var (column, encode) in Encoders.Skip(1))
            {
                // Lower-case hex (HttpUtility) is listed once with examples rather than for every byte.
                var other = encode(value);
                if (column == "`HttpUtility.UrlEncode`")
                {
                    other = UpperHex().Replace(other, m => m.Value.ToUpperInvariant());
                }

                Assert.True(php == other, $"U+{(int)value[0]:X4}: PHP {php}, {column} {other}; add it to the table");
            }
        }
    }

    private static List<(string Value, string[] Cells)> ReadTable()
    {
        var page = File.ReadAllLines(Path.Combine(Repository.RepositoryPaths.Root, "docs", "encoding.md"));
        var rows = new List<(string, string[])>();
        foreach (var line in page)
        {
            var match = TableRow().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries)[2..^1];
            Assert.Equal(Encoders.Length, cells.Length);
            var codePoint = int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            // A surrogate code point stands for a lone surrogate char.
            var value = codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
            rows.Add((value, cells));
        }

        return rows;
    }

    [GeneratedRegex(@"^\| U\+([0-9A-F]{4,5}) ")]
    private static partial Regex TableRow();

    [GeneratedRegex("%[0-9a-f]{2}")]
    private static partial Regex UpperHex();
}
