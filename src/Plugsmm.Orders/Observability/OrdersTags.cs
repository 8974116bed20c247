namespace Plugsmm.Orders;

/// <summary>The tag names of the engine's metrics and spans, and their low-cardinality values.</summary>
internal static class OrdersTags
{
    public const string Panel = "plugsmm.panel";
    public const string State = "plugsmm.order.state";
    public const string Reason = "plugsmm.reason";
    public const string RefundKind = "plugsmm.refund.kind";
    public const string OrderId = "plugsmm.order.id";
    public const string ServiceId = "plugsmm.service_id";
    public const string ProviderOrderId = "plugsmm.provider_order_id";
    public const string Count = "plugsmm.orders.count";
    public const string ErrorType = "error.type";

    /// <summary>The panel as the client's metrics name it: <c>default</c> for the default client (the empty name).</summary>
    public static string PanelValue(string panel) => panel.Length == 0 ? "default" : panel;

    /// <summary>The state in snake case, as constants (no allocation per measurement).</summary>
    public static string StateValue(LocalOrderState state) => state switch
    {
        LocalOrderState.Accepted => "accepted",
        LocalOrderState.Waiting => "waiting",
        LocalOrderState.Placing => "placing",
        LocalOrderState.Placed => "placed",
        LocalOrderState.Unknown => "unknown",
        LocalOrderState.Failed => "failed",
        LocalOrderState.Completed => "completed",
        LocalOrderState.Partial => "partial",
        LocalOrderState.Canceled => "canceled",
        _ => "other",
    };

    /// <summary>Whether the state is final (the order is done).</summary>
    public static bool IsFinal(LocalOrderState state) =>
        state is LocalOrderState.Failed or LocalOrderState.Completed or LocalOrderState.Partial or LocalOrderState.Canceled;
}
