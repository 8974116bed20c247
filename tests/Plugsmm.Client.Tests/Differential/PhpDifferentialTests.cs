using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Plugsmm.Client.Tests.Differential;

/// <summary>The encoder against PHP's own http_build_query, on the same random field sets.</summary>
public sealed class PhpDifferentialTests(ITestOutputHelper output)
{
    private const int FieldSets = 5000;

    [PhpFact]
    public async Task Encoder_matches_php_http_build_query_on_random_field_sets()
    {
        Assert.True(Php.Executable is not null, "php is required in CI: .ci/run installs php-cli.");
        // A new seed every run widens what is tried over time; a failure prints it, and
        // PLUGSMM_DIFFERENTIAL_SEED replays it.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PLUGSMM_DIFFERENTIAL_SEED"), CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        var generator = new FieldSetGenerator(seed);
        var sets = Enumerable.Range(0, FieldSets).Select(_ => generator.Next()).ToList();

        var phpBodies = await Php.RunLinesAsync("build_query.php", sets.Select(TaggedFieldSet.Write));

        Assert.Equal(sets.Count, phpBodies.Length);
        var mismatches = new List<string>();
        long bytes = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            var expected = Encoding.ASCII.GetString(Convert.FromBase64String(phpBodies[i]));
            var actual = PhpFormEncoder.Encode(sets[i]);
            bytes += actual.Length;
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                mismatches.Add($"#{i}: {TaggedFieldSet.Write(sets[i])}\n  php:  {expected}\n  .NET: {actual}");
            }
        }

        var summary = $"PHP differential (http_build_query, {Php.Executable}): seed {seed}, {sets.Count} field sets, " +
                      $"{bytes} bytes, {mismatches.Count} mismatches";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(mismatches.Count == 0, summary + "\n" + string.Join("\n", mismatches.Take(10)));
    }

    [PhpFact]
    public async Task Float_text_matches_php_on_100000_doubles_of_every_shape()
    {
        Assert.True(Php.Executable is not null, "php is required in CI: .ci/run installs php-cli.");
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var values = Enumerable.Range(0, 100_000).Select(i => (i % 5) switch
        {
            0 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
            1 => random.NextDouble() * Math.Pow(10, random.Next(-8, 20)),
            2 => (double)random.NextInt64(1, 1L << 53),
            3 => ((random.NextInt64(10_000_000_000_000, 100_000_000_000_000) * 10) + random.Next(10)) / Math.Pow(10, random.Next(0, 20)),
            _ => Math.Round(random.NextDouble() * 1000, random.Next(0, 16)),
        }).ToList();
        var fields = values.Select(v => new List<KeyValuePair<string, object?>> { new("v", v) }).ToList();

        var phpBodies = await Php.RunLinesAsync("build_query.php", fields.Select(TaggedFieldSet.Write));

        Assert.Equal(values.Count, phpBodies.Length);
        var mismatches = values
            .Select((v, i) => (Value: v, Php: Encoding.ASCII.GetString(Convert.FromBase64String(phpBodies[i])), Actual: PhpFormEncoder.Encode(fields[i])))
            .Where(c => !string.Equals(c.Php, c.Actual, StringComparison.Ordinal))
            .Select(c => $"{c.Value.ToString("R", CultureInfo.InvariantCulture)}: php {c.Php}, .NET {c.Actual}")
            .ToList();
        var summary = $"PHP differential (float text): seed {seed}, {values.Count} doubles, {mismatches.Count} mismatches";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(mismatches.Count == 0, summary + "\n" + string.Join("\n", mismatches.Take(20)));
    }
}
