using System.Text;
using Microsoft.Extensions.Options;

namespace Plugsmm.Client.Tests.Reliability;

/// <summary>MaxResponseBytes at its edges: an answer exactly as long as the cap is read; one byte more is not.</summary>
public sealed class ResponseCapTests
{
    private const string Balance = """{"balance":"12.34","currency":"USD"}""";
    private const long OneGibibyte = 1L << 30;

    private static readonly int Length = Encoding.UTF8.GetByteCount(Balance);

    public static TheoryData<string, bool> Caps() => new()
    {
        { "1", false },
        { "length-1", false },
        { "length", true },
        { "length+1", true },
        { "16KiB", true },
        { "1GiB", true },
    };

    [Theory]
    [MemberData(nameof(Caps))]
    public async Task An_answer_is_read_up_to_the_cap_announced_or_not(string cap, bool reads)
    {
        foreach (var announced in new[] { true, false })
        {
            var max = cap switch
            {
                "1" => 1,
                "length-1" => Length - 1,
                "length" => Length,
                "length+1" => Length + 1,
                "16KiB" => 16 * 1024,
                _ => OneGibibyte,
            };
            var client = AnswerStreams.Client(
                () => AnswerStreams.Answer(new AnswerStreams.BodyStream(Encoding.UTF8.GetBytes(Balance)), announced ? Length : null),
                o => o.MaxResponseBytes = max);

            if (reads)
            {
                Assert.Equal(12.34m, (await client.GetBalanceAsync()).Amount);
            }
            else
            {
                var error = await Assert.ThrowsAsync<PlugsmmException>(() => client.GetBalanceAsync());
                Assert.Equal("response_too_large", error.Reason);
            }
        }
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(OneGibibyte)]
    public void MaxResponseBytes_from_1_byte_to_1_GiB_is_accepted(long max)
    {
        var options = new PlugsmmClientOptions { ApiKey = "0123456789abcdef0123456789abcdef", MaxResponseBytes = max };

        Assert.True(new PlugsmmClientOptionsValidator().Validate(Options.DefaultName, options).Succeeded);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(OneGibibyte + 1)]
    [InlineData(int.MaxValue)]
    [InlineData(long.MaxValue)]
    public void MaxResponseBytes_outside_1_byte_to_1_GiB_stops_the_constructor_naming_it(long max)
    {
        var options = new PlugsmmClientOptions { ApiKey = "0123456789abcdef0123456789abcdef", MaxResponseBytes = max };
        using var http = new HttpClient();

        var error = Assert.Throws<OptionsValidationException>(() => new PlugsmmClient(http, options));

        // The generated validator names the option and its bounds (not the refused value).
        Assert.Contains("MaxResponseBytes must be between 1 and 1073741824.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_add_whose_answer_fits_is_reported_placed_with_the_largest_cap()
    {
        var client = AnswerStreams.Client(
            () => AnswerStreams.Answer(new AnswerStreams.BodyStream("""{"order":4242}"""u8.ToArray()), null),
            o => o.MaxResponseBytes = OneGibibyte);

        Assert.Equal(4242, await client.AddOrderAsync(new DefaultOrder { ServiceId = 1, Link = "https://x.com/p", Quantity = 100 }));
    }

    [Fact]
    public async Task An_answer_longer_than_the_first_buffer_is_read_whole_across_growth()
    {
        var padding = new string(' ', 100_000);
        var body = Encoding.UTF8.GetBytes("{\"balance\":\"7.5\"," + padding + "\"currency\":\"USD\"}");
        var client = AnswerStreams.Client(() => AnswerStreams.Answer(new AnswerStreams.BodyStream(body), null), o => o.MaxResponseBytes = body.Length);

        Assert.Equal(7.5m, (await client.GetBalanceAsync()).Amount);
    }
}
