using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>
/// Property-based tests with CsCheck generators, drawn from fixed seeds (case i uses <c>new PCG(stream, i)</c>, so
/// any failure names a case that replays exactly). Every response parser, driven through the client: any body at any
/// status is a typed result or a <see cref="PlugsmmException"/>. The encoder: any field set encodes byte-identically
/// through both overloads, or both throw <see cref="ArgumentException"/>.
/// </summary>
public sealed class PropertyTests
{
    private static readonly int BodyCases = Figures.Size(3_000, 120_000);
    private static readonly int FieldSetCases = Figures.Size(3_000, 120_000);

    private static readonly string[] Keys =
        ["order", "orders", "status", "error", "refill", "refills", "cancel", "charge", "balance", "currency", "service", "name", "type", "category",
         "rate", "min", "max", "remains", "start_count", "refill", "dripfeed", "1", "2", "23501", "-1", "0", "", "ñ", "\u0000"];

    private static readonly string[] Valid =
    [
        """[{"service":1,"name":"F","type":"Default","category":"C","rate":"0.90","min":"50","max":"10000","refill":true,"cancel":false,"dripfeed":true}]""",
        """{"order":23501}""", """{"order":"23501"}""", """{"error":"Not enough funds on balance"}""", """{"error":"Incorrect order ID"}""",
        """{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"157","currency":"USD"}""",
        """{"1":{"charge":"0.27","start_count":"3572","status":"Partial","remains":"157","currency":"USD"},"2":{"error":"Incorrect order ID"}}""",
        """{"refill":"1"}""", """[{"order":1,"refill":1},{"order":2,"refill":{"error":"Incorrect order ID"}}]""",
        """{"status":"Completed"}""", """[{"refill":1,"status":"Completed"},{"refill":2,"status":{"error":"Refill not found"}}]""",
        """[{"order":1,"cancel":1},{"order":2,"cancel":{"error":"Incorrect order ID"}}]""", """{"balance":"100.84292","currency":"USD"}""",
    ];

    private static readonly int[] Statuses = [200, 200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 408, 429, 500, 502, 503, 504, 520, 522];

    private static readonly AsyncLocal<(int Status, byte[] Body)> Answer = new();

    private static Gen<string> JsonText()
    {
        var text = Gen.OneOf(Gen.Const("\"\""), Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(s => "\"" + s + "\""),
            Gen.Long.Select(n => "\"" + n.ToString(CultureInfo.InvariantCulture) + "\""), Gen.OneOf("\"Completed\"", "\"In progress\"", "\"Partial\"", "\"Canceled\"", "\"Pending\"", "\" 12 \"", "\"1e5\"", "\"NaN\"", "\"\\u0000\""));
        var number = Gen.OneOf(Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)), Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1"),
            Gen.OneOf("0", "-0", "1e400", "-1", "99999999999999999999999", "0.1", "1E+2"));
        var scalar = Gen.Frequency((4, text), (4, number), (1, Gen.OneOf("true", "false", "null")));
        return Gen.Recursive<string>((depth, inner) => depth > 4
            ? scalar
            : Gen.Frequency(
                (5, scalar),
                (2, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
                (3, Gen.Select(Gen.OneOf(Keys), inner).Array[0, 5].Select(pairs => "{" + string.Join(",", pairs.Select(p => JsonEncode(p.Item1) + ":" + p.Item2)) + "}"))));
    }

    private static string JsonEncode(string key) => System.Text.Json.JsonSerializer.Serialize(key);

    /// <summary>A generated body: either fresh random JSON, or a valid answer with byte mutations.</summary>
    private static Gen<(int Status, byte[] Body, int Action)> Bodies() =>
        Gen.Select(
            Gen.OneOf(Statuses),
            Gen.Frequency(
                (1, JsonText().Select(s => Encoding.UTF8.GetBytes(s))),
                (1, Gen.Select(Gen.OneOf(Valid), Gen.Int[0, int.MaxValue].Array[0, 6]).Select(t => Mutate(t.Item1, t.Item2))),
                (1, Gen.OneOf(Valid).Select(Encoding.UTF8.GetBytes))),
            Gen.Int[0, 9]);

    private static byte[] Mutate(string valid, int[] edits)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(valid));
        foreach (var edit in edits)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = edit % bytes.Count;
            var tokens = "{}[]\":,0123456789-.e\\ ntfu"u8;
            switch ((edit >> 8) % 5)
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, tokens[(edit >> 12) % tokens.Length]); break;
                case 2: bytes[at] = (byte)(edit >> 12); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, bytes.GetRange(0, Math.Min(at, 40))); break;
            }
        }

        return [.. bytes];
    }

    private static readonly Func<PlugsmmClient, Task>[] Calls =
    [
        c => c.GetServicesAsync(),
        c => c.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/p", Quantity = 100 }),
        c => c.GetOrderStatusAsync(1),
        c => c.GetOrderStatusesAsync([1, 2]),
        c => c.RefillOrderAsync(1),
        c => c.RefillOrdersAsync([1, 2]),
        c => c.GetRefillStatusAsync(1),
        c => c.GetRefillStatusesAsync([1, 2]),
        c => c.CancelOrdersAsync([1, 2]),
        c => c.GetBalanceAsync(),
    ];

    [Fact]
    public void Every_parser_turns_any_body_into_a_result_or_a_plugsmm_exception()
    {
        var options = new PlugsmmClientOptions { ApiKey = "property-key-0123456789abcdef", BaseAddress = new Uri("https://panel.test/api/v2") };
        options.Resilience.Retry.MaxRetryAttempts = 0;
        options.Resilience.CircuitBreaker.MinimumThroughput = int.MaxValue; // the breaker never opens: every body is parsed
        var client = new PlugsmmClient(new HttpClient(new GeneratedAnswerHandler()), options);
        var gen = Bodies();
        var escapes = new List<string>();
        var (results, failures) = (0, 0);
        Parallel.For(0, BodyCases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (status, body, action) = gen.Generate(new PCG(11, (ulong)i), null, out _);
            Answer.Value = (status, body);
            try
            {
                Calls[action](client).GetAwaiter().GetResult();
                Interlocked.Increment(ref results);
            }
            catch (PlugsmmException exception) when (exception.Reason != "unexpected")
            {
                Interlocked.Increment(ref failures);
            }
            catch (Exception exception)
            {
                // "unexpected" is the client's last-resort wrapper of an exception a parser let through: an escape too.
                exception = exception.InnerException ?? exception;
                lock (escapes)
                {
                    escapes.Add($"case {i} (action {action}, HTTP {status}, body {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 200)]}): {exception.GetType().Name}: {exception.Message}");
                }
            }
        });

        Assert.True(escapes.Count == 0, string.Join("\n", escapes.Take(20)));
        Assert.Equal(BodyCases, results + failures);
        Assert.InRange(results, BodyCases / 100, BodyCases);
        Figures.Write("40-property-parsers", new JsonObject { ["cases"] = BodyCases, ["typed_results"] = results, ["plugsmm_exceptions"] = failures, ["escapes"] = escapes.Count },
            $"| response parsers (10 actions) | {BodyCases:N0} bodies: random JSON, valid answers mutated byte-wise, valid answers; at 19 statuses | {results:N0} typed results, {failures:N0} `PlugsmmException` | **{escapes.Count}** |");
    }

    private static Gen<object?> Values() => Gen.Recursive<object?>((depth, inner) =>
    {
        var scalar = Gen.Frequency<object?>(
            (3, Gen.String.Select(s => (object?)s)),
            (1, Gen.Char.Select(c => (object?)c)),
            (2, Gen.Int.Select(n => (object?)n)),
            (1, Gen.Long.Select(n => (object?)n)),
            (2, Gen.Double.Select(d => (object?)d)),
            (1, Gen.Double.Special.Select(d => (object?)d)),
            (2, Gen.Decimal.Select(d => (object?)d)),
            (1, Gen.Bool.Select(b => (object?)b)),
            (1, Gen.Const<object?>(() => null)),
            (1, Gen.Const<object?>(new object())));
        return depth > 70
            ? scalar
            : Gen.Frequency(
                (6, scalar),
                (1, inner.List[0, depth > 5 ? 1 : 4].Select(l => (object?)l)),
                (1, Fields(inner, depth > 5 ? 1 : 4).Select(f => (object?)f)));
    });

    private static Gen<List<KeyValuePair<string, object?>>> Fields(Gen<object?> values, int max) =>
        Gen.Select(Gen.Frequency((8, Gen.String[0, 8]), (2, Gen.OneOf("a", "b", "x[y]", "a b", "")), (1, Gen.Const<string>(() => null!))), values)
            .Select(t => new KeyValuePair<string, object?>(t.Item1, t.Item2)).List[0, max];

    [Fact]
    public void The_encoder_encodes_any_field_set_identically_through_both_overloads_or_throws_argument_exception()
    {
        var gen = Fields(Values(), 6);
        var escapes = new List<string>();
        var (encoded, refused, bytes) = (0, 0, 0L);
        Parallel.For(0, FieldSetCases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var fields = gen.Generate(new PCG(12, (ulong)i), null, out _);
            string? text = null;
            byte[]? written = null;
            Exception? first = null;
            Exception? second = null;
            try
            {
                text = PhpFormEncoder.Encode(fields);
            }
            catch (Exception exception)
            {
                first = exception;
            }

            try
            {
                var buffer = new ArrayBufferWriter<byte>();
                var count = PhpFormEncoder.Encode(fields, buffer);
                Assert.Equal(buffer.WrittenCount, count);
                written = buffer.WrittenSpan.ToArray();
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                second = exception;
            }

            string? problem = null;
            if (first is null && second is null)
            {
                if (!Encoding.ASCII.GetBytes(text!).AsSpan().SequenceEqual(written) || text!.Any(c => c > 127))
                {
                    problem = "the overloads differ";
                }
                else
                {
                    Interlocked.Increment(ref encoded);
                    Interlocked.Add(ref bytes, written!.Length);
                }
            }
            else if (first is ArgumentException && second is ArgumentException && first.GetType() == second.GetType())
            {
                Interlocked.Increment(ref refused);
            }
            else
            {
                problem = $"string overload: {first?.GetType().Name ?? "ok"} {first?.Message}; writer overload: {second?.GetType().Name ?? "ok"} {second?.Message}";
            }

            if (problem is not null)
            {
                lock (escapes)
                {
                    escapes.Add($"case {i}: {problem}");
                }
            }
        });

        Assert.True(escapes.Count == 0, string.Join("\n", escapes.Take(20)));
        Assert.Equal(FieldSetCases, encoded + refused);
        Assert.InRange(encoded, FieldSetCases / 20, FieldSetCases);
        Assert.InRange(refused, 1, FieldSetCases);
        Figures.Write("41-property-encoder", new JsonObject { ["cases"] = FieldSetCases, ["encoded"] = encoded, ["argument_exceptions"] = refused, ["bytes"] = bytes, ["escapes"] = escapes.Count },
            $"| `PhpFormEncoder` (string and `IBufferWriter` overloads) | {FieldSetCases:N0} field sets: strings, chars, ints, longs, doubles (NaN, ±∞, −0), decimals, bools, nulls, unsupported objects, nested lists and maps up to 70 deep, null/duplicate/bracketed keys | {encoded:N0} encoded byte-identically ({bytes:N0} bytes), {refused:N0} `ArgumentException` from both | **{escapes.Count}** |");
    }

    private sealed class GeneratedAnswerHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (status, body) = Answer.Value;
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) };
            if (status is 301)
            {
                response.Headers.Location = new Uri("https://elsewhere.test/");
            }

            return Task.FromResult(response);
        }
    }
}
