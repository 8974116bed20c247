using System.Globalization;
using System.Text;
using Plugsmm.Client.Tests.Reliability;

namespace Plugsmm.Client.Tests.Parsing;

/// <summary>
/// The one-pass answer readers against the parsers they replaced (<see cref="LegacyParsers"/>): for every action, on
/// generated answers (panel-shaped, random, mutated byte by byte; escapes in names and values, lone surrogates,
/// invalid UTF-8, duplicate keys, deep nesting, a BOM, trailing bytes) at statuses 2xx to 5xx, both give the same
/// typed result, or both throw a <see cref="PlugsmmException"/> of the same kind, reason, panel error, preview and
/// (except for the wording of "invalid JSON") message. Case i is drawn from <c>new Random(i)</c>: a failure replays.
/// <c>PLUGSMM_RELIABILITY=full</c> draws 200,000 answers instead of 6,000.
/// </summary>
public sealed class ReaderDifferentialTests
{
    private const string Key = "differential-key-0123456789abcdef";

    private static readonly int Cases = Figures.Size(6_000, 200_000);

    private static readonly int[] HttpStatuses = [200, 200, 200, 200, 201, 400, 429, 500, 503];

    private static readonly ErrorClassifier Classifier = new(null);

    private delegate object? Parse(PanelAnswer answer, int status);

    private static readonly (string Action, Parse Legacy, Parse Reader)[] Actions =
    [
        ("services", (a, s) => LegacyParsers.Services(a, s), (a, _) => ServiceCatalogueReader.Read(a)),
        ("add", (a, s) => LegacyParsers.Add(a, s), (a, _) => AddAnswerReader.Read(a)),
        ("status", (a, s) => LegacyParsers.Status(a, s), (a, _) => OrderStatusReader.ReadOne(a)),
        ("status", (a, s) => LegacyParsers.Statuses(a, s), (a, _) => OrderStatusReader.ReadMany(a)),
        ("refill", (a, s) => LegacyParsers.Refill(a, s), (a, _) => RefillReader.ReadOne(a)),
        ("refill", (a, s) => LegacyParsers.Refills(a, s), (a, _) => RefillReader.ReadMany(a)),
        ("refill_status", (a, s) => LegacyParsers.RefillStatus(a, s), (a, _) => RefillStatusReader.ReadOne(a)),
        ("refill_status", (a, s) => LegacyParsers.RefillStatuses(a, s), (a, _) => RefillStatusReader.ReadMany(a)),
        ("cancel", (a, s) => LegacyParsers.Cancels(a, s), (a, _) => CancelReader.ReadMany(a)),
        ("balance", (a, s) => LegacyParsers.Balance(a, s), (a, _) => BalanceReader.Read(a)),
    ];

    private static readonly string[] KnownAnswers =
    [
        """[{"service":1,"name":"Followers","type":"Default","category":"First Category","rate":"0.90","min":"50","max":"10000","refill":true,"cancel":true},{"service":"2","name":"C\/x \ud83d\udd25","type":"Custom Comments","category":"Second","rate":8,"min":10,"max":1500,"refill":"1","cancel":0,"dripfeed":1,"extra":{"a":[1]}}]""",
        """[{"service":1,"rate":"x","min":1,"max":2},null]""",
        """[null,{"service":1,"rate":"1","min":1}]""",
        """[{"service":1,"rate":"1","min":1,"max":2,"rate":null}]""",
        """[{"s\u0065rvice":1,"r\u0061te":"00012.3400","min":" 5 ","max":"1e3","name":{"x":1},"type":["a"],"category":2024.5}]""",
        """[{"service":1.0,"rate":"-0.0","min":"-5","max":"+7","refill":"yes","cancel":"No","dripfeed":"maybe"}]""",
        """{"error":"Incorrect request"}""", """{"error":""}""", """{"error":0}""", """{"error":0.0}""", """{"error":{"code":7}}""", """{"error":[1, 2 ]}""",
        """{"error":"  "}""", """{"error":null,"error":"late"}""", """{"error":"early","error":false}""", """{"\u0065rror":"escaped name"}""",
        """{"order":23501}""", """{"order":"23501"}""", """{"order":151,"error":"Something went wrong"}""", """{"order":" 7 ","order":"x"}""",
        """{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"Unknown","currency":"USD"}""", """{"status":2}""", """{"status":null}""",
        """{"1":{"charge":"0.27","status":"Partial","remains":"157","currency":"USD"},"10":{"error":"Incorrect order ID"},"100":"x","7":[]}""",
        """{"1":{"status":"Completed"},"1":{"status":"Pending"}}""", """{"1":{"status":"Completed"},"01":{"error":"Incorrect order ID"}}""",
        """{"x":{"status":"Completed"},"1":{"status":"Completed"}}""", """{"1":{"status":"Completed"},"error":""}""", """{"\u0031":{"status":"Completed"}}""",
        """{"1":{"status":"Completed","error":"","error":"Incorrect order ID"}}""", """{"1":{"err\u006fr":"x","status":"Completed"}}""",
        """{"status":"error","message":"Service temporarily unavailable"}""", """{"status":"Fail"}""", """{"status":"Fail","charge":"0.1","remains":"100","start_count":"0"}""",
        """{"status":"error","error":"late","message":"m"}""", """{"status":"failed","message":{"a":1}}""", """{"status":"error","message":"  ","m\u0065ssage":"x"}""",
        """{"1":{"status":"error","message":"Service temporarily unavailable"},"2":{"status":"Fail"},"3":{"status":"Rejected","remains":"0"},"4":{"status":"error","message":7}}""",
        """{"refill":"1"}""", """{"refill":12345}""", """{"success":"ok","refill":" 12 "}""", """{"refill":{"error":"Order not eligible"}}""", """{"refill":-3}""",
        """[{"order":1,"refill":1},{"order":"2","refill":{"error":"Incorrect order ID"}},{"order":3,"refill":"x"},{"order":1,"refill":9}]""",
        """[{"order":1,"refill":1},null,{"order":2}]""", """[{"refill":1}]""", """[{"order":1,"refill":1},5]""",
        """{"status":"Completed"}""", """{"status":{"error":"Refill not found"}}""", """{"status":"In progress"}""",
        """[{"refill":1,"status":"Completed"},{"refill":"3","status":{"error":"Refill not found"}},{"refill":4,"status":7}]""",
        """[{"order":9,"cancel":{"error":"Incorrect order ID"}},{"order":2,"cancel":1},{"order":"4","cancel":"ok"},{"order":5,"cancel":"nope"},{"order":6,"cancel":" 0 "}]""",
        """{"balance":"100.84292","currency":"USD"}""", """{"balance":100.8429200,"currency":"EUR"}""", """{"balance":"0.0000001"}""", """{"balance":"1","currency":7}""",
        "null", "[]", "{}", "5", "\"x\"", "", " ", "[1,2", "{\"order\":235", "{\"balance\":\"1\"} trailing", "<html>502</html>", "\uFEFF{\"order\":1}",
    ];

    public static TheoryData<string> Answers() => [.. KnownAnswers];

    [Theory]
    [MemberData(nameof(Answers))]
    public void Every_reader_reads_a_known_answer_as_the_parser_it_replaced(string body)
    {
        foreach (var status in new[] { 200, 400, 429, 500 })
        {
            AssertSame(Encoding.UTF8.GetBytes(body), status);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x72, 0x72, 0x6F, 0x72, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })] // {"error":"\xFF"}
    [InlineData(new byte[] { 0x5B, 0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D, 0x5D })] // [{"name":"\xC3"}]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D })] // {"\xFF":1}
    [InlineData(new byte[] { 0x7B, 0x22, 0x31, 0x22, 0x3A, 0x7B, 0x22, 0x73, 0x74, 0x61, 0x74, 0x75, 0x73, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x2C, 0x22, 0x65, 0x72, 0x72, 0x6F, 0x72, 0x22, 0x3A, 0x22, 0x78, 0x22, 0x7D, 0x7D })] // {"1":{"status":"\xFF","error":"x"}}
    public void Every_reader_treats_invalid_utf8_as_the_parser_it_replaced(byte[] body)
    {
        foreach (var status in new[] { 200, 500 })
        {
            AssertSame(body, status);
        }
    }

    [Theory]
    [InlineData("""{"\ud800":1}""")]
    [InlineData("""{"\udc00\udc00":1}""")]
    [InlineData("""{"\ud800\ud800":1}""")]
    [InlineData("""{"\ud83d\ude00":1,"status":"Completed"}""")]
    [InlineData("""{"1":{"\udc00\udc00":1,"status":"Completed"}}""")]
    [InlineData("""{"refill":{"e\udc00\udc00x":1}}""")]
    [InlineData("""{"error":"\ud800"}""")]
    [InlineData("""[{"service":1,"name":"\udc00","rate":1,"min":1,"max":1}]""")]
    [InlineData("""{"1":{"status":"Completed","\ud800":1}}""")]
    [InlineData("""{"1":{"errorx\ud800":1,"status":"Completed"}}""")]
    [InlineData("""{"1":{"\u0065rror":"\ud800x"}}""")]
    [InlineData("""{"refill":{"e\ud800":1}}""")]
    [InlineData("""{"refill":{"e\u0072ror\ud800":1}}""")]
    [InlineData("""{"refill":{"e\u0072ror":"gone","e\ud800":1,"error":"back"}}""")]
    public void Every_reader_treats_lone_surrogate_escapes_as_the_parser_it_replaced(string body)
    {
        foreach (var status in new[] { 200, 500 })
        {
            AssertSame(Encoding.UTF8.GetBytes(body), status);
        }
    }

    [Fact]
    public void Every_reader_reads_generated_answers_as_the_parser_it_replaced()
    {
        var differences = new List<string>();
        var results = new int[Actions.Length];
        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var random = new Random(i);
            var body = Generate(random);
            var status = HttpStatuses[random.Next(HttpStatuses.Length)];
            for (var a = 0; a < Actions.Length; a++)
            {
                var (legacy, reader) = (Run(Actions[a].Action, Actions[a].Legacy, status, body), Run(Actions[a].Action, Actions[a].Reader, status, body));
                if (legacy != reader)
                {
                    lock (differences)
                    {
                        differences.Add($"case {i}, reader {a} ({Actions[a].Action}), HTTP {status}, body {Show(body)}:\n  was {legacy}\n  now {reader}");
                    }
                }
                else if (legacy.StartsWith("ok", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref results[a]);
                }
            }
        });

        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(15)));
        Assert.All(results, count => Assert.InRange(count, 1, Cases));
    }

    private static void AssertSame(byte[] body, int status)
    {
        foreach (var (action, legacy, reader) in Actions)
        {
            Assert.Equal(Run(action, legacy, status, body), Run(action, reader, status, body));
        }
    }

    /// <summary>What a parser made of an answer, in a form two parsers can be compared by.</summary>
    private static string Run(string action, Parse parse, int status, byte[] body)
    {
        var answer = new PanelAnswer(new CallInfo(action, CallInfo.ChangesState(action), Classifier, new KeySpellings(Key), "differential"), status, body, null);
        try
        {
            object? value;
            try
            {
                value = parse(answer, status);
            }
            catch (InvalidOperationException exception)
            {
                // What the client does with a value a JsonElement cannot read (PlugsmmClient.Read).
                throw answer.NotJson($"a value cannot be read: {exception.Message}", exception);
            }

            return "ok " + Render(value);
        }
        catch (PlugsmmException exception)
        {
            var message = exception.Message.StartsWith("Unreadable answer to", StringComparison.Ordinal) ? "(invalid JSON)" : exception.Message;
            return $"fail {exception.Kind}/{exception.Reason} {exception.StatusCode} unknown={exception.OutcomeUnknown} panel='{exception.PanelError}' preview='{exception.ResponsePreview}' {message}";
        }
        catch (Exception exception)
        {
            return $"escape {exception.GetType().Name}: {exception.Message}";
        }
    }

    private static string Render(object? value) => value switch
    {
        IReadOnlyList<PlugsmmService> services => string.Join(";", services.Select(s =>
            $"{s.Id}|{s.Name}|{s.Type}|{s.Category}|{Money(s.RatePer1000)}|{s.Min}|{s.Max}|{s.Refill}|{s.Cancel}|{s.DripFeed}")),
        OrderStatus s => $"{s.State}|{s.StatusText}|{Money(s.Charge)}|{s.StartCount}|{s.Remains}|{s.Currency}",
        RefillStatus s => $"{s.State}|{s.StatusText}",
        PlugsmmBalance b => $"{Money(b.Amount)}|{b.Currency}",
        long id => id.ToString(CultureInfo.InvariantCulture),
        Dictionary<long, ItemResult<OrderStatus>> items => Items(items),
        Dictionary<long, ItemResult<long>> items => Items(items),
        Dictionary<long, ItemResult<RefillStatus>> items => Items(items),
        Dictionary<long, ItemResult<bool>> items => Items(items),
        _ => throw new InvalidOperationException($"no rendering for {value?.GetType().Name}"),
    };

    private static string Items<T>(Dictionary<long, ItemResult<T>> items) =>
        string.Join(";", items.OrderBy(i => i.Key).Select(i =>
            $"{i.Key}:{i.Value.Id}:{(i.Value.IsSuccess ? "ok " + Render(i.Value.Value) : "error '" + i.Value.Error + "'")}"));

    private static string Render<T>(T value) => value switch
    {
        OrderStatus or RefillStatus => Render((object)value),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    /// <summary>Every digit and the scale: 0.90 is not 0.9.</summary>
    private static string Money(decimal? value) =>
        value is { } amount ? amount.ToString(CultureInfo.InvariantCulture) + "/" + string.Join(",", decimal.GetBits(amount)) : "null";

    private static string Show(byte[] body)
    {
        var text = new StringBuilder();
        foreach (var b in body.Take(300))
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }

    // ---- Answers, as panels (and broken panels) write them ----

    private static readonly string[] Keys =
    [
        "order", "orders", "status", "error", "refill", "cancel", "charge", "balance", "currency", "service", "name", "type", "category",
        "rate", "min", "max", "remains", "start_count", "dripfeed", "success", "1", "2", "7", "01", "23501", "-1", "0", "", "x",
        "\\u0065rror", "erro\\u0072", "\\u006frder", "st\\u0061tus", "\\u0031", "\\ud800", "\\udc00x", "e\\ud83d\\udd25", "\\/", "r\\u00e9",
        "error\\u0000", "\\u0072\\u0065fill", "s\\u0065rvice", "r\\u0061te",
    ];

    private static readonly string[] Scalars =
    [
        "0", "1", "-1", "2", "7", "23501", "1.0", "1e2", "0.90", "-0", "99999999999999999999", "1.5", "-2.5", "0.0",
        "\"1\"", "\"0\"", "\" 12 \"", "\"0.90\"", "\"00012.3400\"", "\"-0.0\"", "\"1e5\"", "\".5\"", "\"5.\"", "\"Unknown\"", "\"\"", "\"  \"",
        "\"Completed\"", "\"In progress\"", "\"Partial\"", "\"Pending\"", "\"Rejected\"", "\"true\"", "\"false\"", "\"ok\"", "\"success\"", "\"yes\"",
        "\"USD\"", "\"Incorrect order ID\"", "\"error\"", "\"Fail\"", "\"\\u0031\"", "\"Compl\\u0065ted\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d\\ude00\"", "\"a\\/b\"",
        "\"é\"", "\"x\\ny\"", "\"99999999999999999999\"", "\"12345678901234567890.5\"", "true", "false", "null",
    ];

    private static byte[] Generate(Random random)
    {
        var json = new List<byte>();
        switch (random.Next(8))
        {
            case 0:
                Value(random, json, 0);
                break;
            case 1:
                Services(random, json);
                break;
            case 2:
                Statuses(random, json);
                break;
            case 3:
                ItemList(random, json);
                break;
            case 4:
                Single(random, json);
                break;
            case 5:
                json.AddRange(Encoding.UTF8.GetBytes(KnownAnswers[random.Next(KnownAnswers.Length)]));
                break;
            case 6:
                Deep(random, json);
                break;
            default:
                (random.Next(4) switch { 0 => (Action<Random, List<byte>>)Services, 1 => Statuses, 2 => ItemList, _ => Single })(random, json);
                break;
        }

        if (random.Next(3) == 0)
        {
            Mutate(random, json);
        }

        if (random.Next(40) == 0)
        {
            json.InsertRange(0, [0xEF, 0xBB, 0xBF]);
        }

        return [.. json];
    }

    private static void Text(List<byte> json, string text) => json.AddRange(Encoding.UTF8.GetBytes(text));

    private static void Pick(Random random, List<byte> json, string[] choices) => Text(json, choices[random.Next(choices.Length)]);

    private static void Value(Random random, List<byte> json, int depth)
    {
        switch (depth > 3 ? 0 : random.Next(6))
        {
            case 0 or 1 or 2:
                Pick(random, json, Scalars);
                break;
            case 3:
                json.Add((byte)'[');
                for (int i = 0, n = random.Next(4); i < n; i++)
                {
                    if (i > 0)
                    {
                        json.Add((byte)',');
                    }

                    Value(random, json, depth + 1);
                }

                json.Add((byte)']');
                break;
            default:
                Object(random, json, depth, Keys, (r, j) => Value(r, j, depth + 1));
                break;
        }
    }

    private static void Object(Random random, List<byte> json, int depth, string[] keys, Action<Random, List<byte>> value, int max = 6)
    {
        json.Add((byte)'{');
        for (int i = 0, n = random.Next(max + 1); i < n; i++)
        {
            if (i > 0)
            {
                json.Add((byte)',');
            }

            json.Add((byte)'"');
            if (random.Next(50) == 0)
            {
                json.Add((byte)(0x80 + random.Next(0x80)));
            }

            Pick(random, json, keys);
            json.AddRange("\":"u8.ToArray());
            value(random, json);
        }

        json.Add((byte)'}');
        _ = depth;
    }

    private static void Services(Random random, List<byte> json)
    {
        string[] fields = ["service", "name", "type", "category", "rate", "min", "max", "refill", "cancel", "dripfeed", "extra", "s\\u0065rvice"];
        json.Add((byte)'[');
        for (int i = 0, n = random.Next(5); i < n; i++)
        {
            if (i > 0)
            {
                json.Add((byte)',');
            }

            if (random.Next(12) == 0)
            {
                Pick(random, json, ["null", "1", "\"x\"", "[]"]);
                continue;
            }

            Object(random, json, 1, random.Next(4) == 0 ? Keys : fields, (r, j) => Value(r, j, 3), max: 12);
        }

        json.Add((byte)']');
    }

    private static void Statuses(Random random, List<byte> json)
    {
        string[] ids = ["1", "2", "7", "10", "01", "23501", "x", "error", "\\u0031", "99999999999999999999", "-1", ""];
        string[] fields = ["charge", "start_count", "status", "remains", "currency", "error", "\\u0065rror", "st\\u0061tus", "message", "m\\u0065ssage"];
        Object(random, json, 0, ids, (r, j) =>
        {
            if (r.Next(6) == 0)
            {
                Value(r, j, 2);
            }
            else
            {
                Object(r, j, 1, fields, (r2, j2) => Value(r2, j2, 3), max: 7);
            }
        }, max: 5);
    }

    private static void ItemList(Random random, List<byte> json)
    {
        string[] fields = ["order", "refill", "cancel", "status", "error", "\\u006frder"];
        string[] errors = ["{\"error\":\"Incorrect order ID\"}", "{\"error\":\"\"}", "{\"error\":0}", "{\"error\":[1]}", "{\"x\":1}", "{\"\\u0065rror\":\"e\"}"];
        json.Add((byte)'[');
        for (int i = 0, n = random.Next(5); i < n; i++)
        {
            if (i > 0)
            {
                json.Add((byte)',');
            }

            if (random.Next(10) == 0)
            {
                Pick(random, json, ["null", "1", "\"x\""]);
                continue;
            }

            Object(random, json, 1, fields, (r, j) =>
            {
                if (r.Next(3) == 0)
                {
                    Pick(r, j, errors);
                }
                else
                {
                    Value(r, j, 3);
                }
            }, max: 4);
        }

        json.Add((byte)']');
    }

    private static void Single(Random random, List<byte> json)
    {
        string[] fields = ["order", "error", "refill", "status", "balance", "currency", "charge", "remains", "success", "\\u0065rror", "message"];
        Object(random, json, 0, fields, (r, j) =>
        {
            if (r.Next(4) == 0)
            {
                Pick(r, j, ["{\"error\":\"Order not eligible\"}", "{\"code\":7,\"message\":\"Bad\"}", "[1, 2 ]"]);
            }
            else
            {
                Value(r, j, 3);
            }
        }, max: 4);
    }

    private static void Deep(Random random, List<byte> json)
    {
        var depth = 60 + random.Next(10);
        var open = random.Next(2) == 0 ? "[" : "{\"error\":";
        var prefix = random.Next(3) switch { 0 => "", 1 => "{\"1\":", _ => "[{\"order\":1,\"refill\":" };
        Text(json, prefix);
        for (var i = 0; i < depth; i++)
        {
            Text(json, open);
        }

        Text(json, "1");
        for (var i = 0; i < depth; i++)
        {
            Text(json, open == "[" ? "]" : "}");
        }

        Text(json, prefix switch { "" => "", "{\"1\":" => "}", _ => "}]" });
    }

    private static void Mutate(Random random, List<byte> json)
    {
        byte[][] tokens = [[(byte)'{'], [(byte)'}'], [(byte)'['], [(byte)']'], [(byte)'"'], [(byte)':'], [(byte)','], [(byte)'\\'], "\\u"u8.ToArray(), "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), [0xFF], [0xC3], [(byte)'0'], [(byte)' ']];
        for (int i = 0, n = 1 + random.Next(3); i < n && json.Count > 0; i++)
        {
            var at = random.Next(json.Count);
            switch (random.Next(5))
            {
                case 0:
                    json.RemoveAt(at);
                    break;
                case 1:
                    json.InsertRange(at, tokens[random.Next(tokens.Length)]);
                    break;
                case 2:
                    json[at] = (byte)random.Next(256);
                    break;
                case 3:
                    json.InsertRange(at, json.GetRange(0, Math.Min(at, 40)));
                    break;
                default:
                    var from = random.Next(json.Count);
                    json.InsertRange(at, json.GetRange(from, Math.Min(json.Count - from, 1 + random.Next(30))));
                    break;
            }
        }
    }
}
