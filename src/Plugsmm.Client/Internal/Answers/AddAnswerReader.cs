namespace Plugsmm.Client;

/// <summary>
/// The answer to <c>add</c>: <c>{"order":23501}</c> (the id as a number or a string), or the panel's error. An id that is
/// no whole number (<c>"ref_01HG9X…"</c>) in a 2xx answer is a placed order whose id cannot be returned: an error naming
/// that id, with the outcome unknown.
/// </summary>
internal static class AddAnswerReader
{
    /// <summary>The new order's id.</summary>
    public static long Read(PanelAnswer answer)
    {
        var dto = answer.Read(AnswerJsonContext.Default.AddAnswerDto);
        if (dto.Order.Text is { } panelId && answer.IsSuccessStatus)
        {
            // The panel took the order and named it in a way a long cannot hold: never a refusal, never retried.
            throw answer.NonNumericOrderId(panelId);
        }

        if (dto.Order.Id is { } placed and > 0 && AnswerValues.TryGetErrorText(dto.Error, out var text))
        {
            // An order id and an error together: the order may well exist. Not a refusal to act on.
            throw answer.PanelErrorBesideOrder(text, placed);
        }

        answer.ThrowIfError(dto.Error);
        return dto.Order.Id is { } id and > 0
            ? id
            : throw answer.Unexpected("no order id; the order may or may not have been placed, check the panel before ordering again");
    }
}
