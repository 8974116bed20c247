using Plugsmm.Client.Testing;

namespace Plugsmm.Client.Tests.Docs;

/// <summary>docs/errors.md's handling example, run for each outcome: placed, refused for funds, outcome unknown, rate-limited.</summary>
public sealed class ErrorExamples
{
    public static TheoryData<string, string, string?> Outcomes { get; } = new()
    {
        { "none", "Order 23501 placed.", null },
        { "funds", "The service is temporarily unavailable. Please try again later.", "InsufficientFunds insufficient_funds: Not enough funds on balance" },
        { "drop", "We could not confirm your request. Please do not repeat it; our team will check it.", "add outcome unknown (connection_dropped)" },
        { "429", "The service is busy right now. Please try again in a few minutes.", null },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Handling_errors_in_a_bot(string fault, string reply, string? alert)
    {
        await using var panel = SimulatedPanel.CreateDefault();
        var client = panel.CreateClient(options => options.Resilience.Retry.MaxRetryAttempts = 0);
        var order = new DefaultOrder { ServiceId = 1, Link = "https://instagram.com/alice", Quantity = 1000 };
        switch (fault)
        {
            case "funds":
                panel.SetBalance(0m);
                break;
            case "drop":
                panel.Faults.Next(PanelFault.DropAfterProcessing);
                break;
            case "429":
                panel.Faults.Next(PanelFault.TooManyRequests());
                break;
        }

        var replies = new List<string>();
        var alerts = new List<string>();
        Task ReplyAsync(string text)
        {
            replies.Add(text);
            return Task.CompletedTask;
        }

        Task AlertAdminsAsync(string text)
        {
            alerts.Add(text);
            return Task.CompletedTask;
        }

        // docs/errors.md: handling
        try
        {
            long orderId = await client.AddOrderAsync(order);
            await ReplyAsync($"Order {orderId} placed.");
        }
        catch (PlugsmmException error) when (error.OutcomeUnknown)
        {
            // Sent, but no answer: the order may exist. Never place it again blindly.
            await ReplyAsync(error.UserMessage);
            await AlertAdminsAsync($"{error.Action} outcome unknown ({error.Reason}), correlation {error.CorrelationId}: reconcile");
        }
        catch (PlugsmmException error)
        {
            await ReplyAsync(error.UserMessage);   // never error.Message or error.PanelError: they are for admins
            if (error.Kind is PlugsmmErrorKind.InsufficientFunds or PlugsmmErrorKind.Permanent or PlugsmmErrorKind.Unknown)
            {
                await AlertAdminsAsync($"{error.Kind} {error.Reason}: {error.PanelError ?? error.ResponsePreview}");
            }
        }
        // end

        Assert.Equal(reply, Assert.Single(replies));
        if (alert is null)
        {
            Assert.Empty(alerts);
        }
        else
        {
            Assert.StartsWith(alert, Assert.Single(alerts), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Calls_over_many_ids()
    {
        using var panel = new Client.PanelStub();
        panel.Answer("""{"error":"Too many requests"}""", System.Net.HttpStatusCode.TooManyRequests)
            .Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var client = panel.Client;
        List<long> orderIds = [.. Enumerable.Range(1, 200).Select(i => (long)i)];

        // docs/errors.md: many ids
        IReadOnlyList<ItemResult<long>> refills = await client.RefillOrdersAsync(orderIds);
        var toRepeat = refills.Where(r => !r.IsSuccess && r.Error is { IsRetryable: true }).Select(r => r.Id);
        var toCheck = refills.Where(r => r.OutcomeUnknown).Select(r => r.Id);
        // end

        Assert.Equal(orderIds.Take(100), toRepeat);
        Assert.Equal(orderIds.Skip(100), toCheck);
    }
}
