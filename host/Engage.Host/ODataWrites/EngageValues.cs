namespace Engage.Host.ODataWrites;

/// <summary>The enumerated values of the editable properties (product.md), exactly as stored.</summary>
internal static class EngageValues
{
    public static readonly string[] InteractionStatuses = ["New", "Assigned", "Replied", "Closed", "Ignored"];

    public static readonly string[] Sentiments = ["Positive", "Neutral", "Negative"];

    public static readonly string[] MomentSources = ["Manual", "Suggested"];

    public static readonly string[] MomentStates = ["Suggested", "Confirmed", "Rejected"];

    /// <summary>
    /// A publication goes Draft -> PendingApproval -> Approved (or Rejected) -> Scheduled -> Published (or Failed), and can be
    /// Cancelled before it is published (<see cref="PublicationTransitions"/>).
    /// </summary>
    public static readonly string[] PublicationStatuses = ["Draft", "PendingApproval", "Approved", "Rejected", "Scheduled", "Published", "Failed", "Cancelled"];

    /// <summary>The connection statuses a person may set: switch off, switch back on. The scheduler sets the others.</summary>
    public static readonly string[] SettableConnectionStatuses = ["Active", "Disabled"];

    public static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => "'" + v + "'"));
}
