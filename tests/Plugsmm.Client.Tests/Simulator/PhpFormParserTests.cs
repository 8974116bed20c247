using System.Globalization;
using System.Text;
using System.Text.Json;
using Plugsmm.Client.Testing;
using Plugsmm.Client.Tests.Differential;

namespace Plugsmm.Client.Tests.Simulator;

/// <summary>The simulated panel reads bodies as PHP fills $_POST: by rule, and against PHP itself on random bodies.</summary>
public sealed class PhpFormParserTests
{
    [Theory]
    [InlineData("a=1&b=2", "{a:1,b:2}")]
    [InlineData("a+b=1&a.c=2&+lead=3", "{a_b:1,a_c:2,lead:3}")]
    [InlineData("[a]=1&[=2&b=3", "{b:3}")]
    [InlineData("a[b c.d=1", "{a_b_c_d:1}")]
    [InlineData("a[ ]=1&a[ x]=2", "{a:{0:1, x:2}}")]
    [InlineData("a[b][c=1", "{a:{b:1}}")]
    [InlineData("v=%41%4a%2B+%zz%4", "{v:AJ+ %zz%4}")]
    [InlineData("k=1&k=2", "{k:2}")]
    [InlineData("a[x]=1&a[y][]=2&a[y][]=3", "{a:{x:1,y:{0:2,1:3}}}")]
    [InlineData("a[b=1", "{a_b:1}")]
    [InlineData("a[b]c=1", "{a:{b:1}}")]
    [InlineData("k%00ey=1&v=a%00b", "{k:1,v:a\0b}")]
    [InlineData("=1&&x", "{x:}")]
    public void Bodies_parse_as_php_fills_post(string body, string expected)
    {
        Assert.Equal(expected, Describe(PhpFormParser.Parse(Encoding.ASCII.GetBytes(body))));
    }

    [Fact]
    public void Fields_past_max_input_vars_are_dropped_as_php_drops_them()
    {
        var body = string.Join('&', Enumerable.Range(0, 1005).Select(i => $"f{i}=1"));

        var parsed = PhpFormParser.Parse(Encoding.ASCII.GetBytes(body));

        Assert.Equal(1000, parsed.Count);
        Assert.False(parsed.ContainsKey("f1000"));
    }

    [PhpFact]
    public async Task Random_bodies_parse_exactly_as_php_parses_them()
    {
        Assert.True(Php.Executable is not null, "php is required in CI: .ci/run installs php-cli.");
        await using var server = await PhpCaptureServer.StartAsync();
        using var http = new HttpClient();
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var bodies = Enumerable.Range(0, 300).Select(_ => RandomBody(random)).ToList();

        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            using var response = await http.PostAsync(new Uri(server.Root, "/api/v2"), content);
        }

        var captures = server.CaptureDocuments();
        Assert.Equal(bodies.Count, captures.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var php = DescribeJson(captures[i].GetProperty("post"));
            var ours = Describe(PhpFormParser.Parse(Encoding.UTF8.GetBytes(bodies[i])));
            if (php != ours)
            {
                mismatches.Add($"{bodies[i]}\n  php:  {php}\n  ours: {ours}");
            }
        }

        Assert.True(mismatches.Count == 0, $"seed {seed}: {mismatches.Count} of {bodies.Count} differ:\n" + string.Join("\n", mismatches.Take(5)));
    }

    private static string RandomBody(Random random)
    {
        const string keyChars = "abcxyz_.- []+%&=0123";
        var fields = new List<string>();
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            var key = new StringBuilder();
            var keyLength = random.Next(0, 8);
            for (var k = 0; k < keyLength; k++)
            {
                key.Append(random.Next(5) switch
                {
                    0 => "%" + random.Next(0x20, 0x7F).ToString("X2", CultureInfo.InvariantCulture),
                    1 => random.Next(2) == 0 ? "[" + (char)('a' + random.Next(3)) + "]" : "[]",
                    _ => keyChars[random.Next(keyChars.Length)].ToString(),
                });
            }

            var value = new StringBuilder();
            var valueLength = random.Next(0, 10);
            for (var v = 0; v < valueLength; v++)
            {
                value.Append(random.Next(6) switch
                {
                    0 => Uri.EscapeDataString(char.ConvertFromUtf32(random.Next(2) == 0 ? random.Next(0x80, 0x800) : 0x1F600 + random.Next(50))),
                    1 => "%" + random.Next(0x20, 0x7F).ToString("X2", CultureInfo.InvariantCulture),
                    2 => "%" + (char)('g' + random.Next(5)),
                    3 => "+",
                    _ => ((char)random.Next('a', 'z' + 1)).ToString(),
                });
            }

            // '&' and '=' inside a key end it, as on the wire; that is part of what is tested.
            fields.Add(random.Next(8) == 0 ? key.ToString() : key + "=" + value);
        }

        return string.Join('&', fields);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_fills_no_fields_as_in_php()
    {
        await using var simulated = SimulatedPanel.CreateDefault();
        using var http = new HttpClient(simulated.CreateHandler());

        using var response = await http.PostAsync(new Uri("https://panel.test/api/v2"), new StringContent($"key={simulated.ApiKey}&action=balance", Encoding.UTF8, "text/plain"));

        Assert.Equal("""{"error":"Invalid API key"}""", await response.Content.ReadAsStringAsync());
    }

    private static string Describe(object value) => value switch
    {
        string text => text,
        IDictionary<string, object> map => "{" + string.Join(",", map.Select(p => p.Key + ":" + Describe(p.Value))) + "}",
        _ => throw new InvalidOperationException(),
    };

    private static string DescribeJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Select(p => p.Name + ":" + DescribeJson(p.Value))) + "}",
        JsonValueKind.Array => "{" + string.Join(",", element.EnumerateArray().Select((v, i) => i.ToString(CultureInfo.InvariantCulture) + ":" + DescribeJson(v))) + "}",
        _ => element.GetRawText(),
    };
}
