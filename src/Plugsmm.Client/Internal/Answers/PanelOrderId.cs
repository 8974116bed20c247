namespace Plugsmm.Client;

/// <summary>
/// The <c>order</c> of an <c>add</c> answer: the id as a <see cref="long"/>, or, for an id that has a digit but is no
/// whole number a <see cref="long"/> holds (<c>"ref_01HG9X"</c>, <c>23501.5</c>, <c>"99999999999999999999"</c>), its
/// text. Neither for anything else: a word with no digit (<c>"success"</c>) names no order.
/// </summary>
internal readonly record struct PanelOrderId(long? Id, string? Text);
