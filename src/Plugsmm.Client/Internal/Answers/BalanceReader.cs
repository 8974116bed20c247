namespace Plugsmm.Client;

/// <summary>The answer to <c>balance</c>: <c>{"balance":"100.84292","currency":"USD"}</c>, or the panel's error.</summary>
internal static class BalanceReader
{
    /// <summary>The balance.</summary>
    public static Balance Read(PanelAnswer answer)
    {
        var dto = answer.Read(AnswerJsonContext.Default.BalanceDto);
        answer.ThrowIfError(dto.Error);
        return dto.Balance is { } amount
            ? new Balance { Amount = amount, Currency = dto.Currency }
            : throw answer.Unexpected("no balance");
    }
}
