using Engage.Host.Security;
using Engage.Host.Security.Access;

namespace Engage.Host.ODataWrites;

/// <summary>
/// The status changes people make to a publication through OData, and which roles may make each one:
///
/// | from | to | who |
/// |---|---|---|
/// | Draft | PendingApproval, Cancelled | Editor, Admin |
/// | PendingApproval | Draft, Cancelled | Editor, Admin |
/// | PendingApproval | Approved, Rejected | Approver, Admin; never the publication's creator (four eyes, 409) |
/// | Approved | Scheduled (needs a future ScheduledFor) | Approver, Admin |
/// | Approved, Scheduled | Cancelled (withdraw the approval) | Approver, Admin |
/// | Rejected | Draft (rework), Cancelled | Editor, Admin |
///
/// A new publication starts as Draft or PendingApproval. Published and Failed belong to the publishing workflow.
/// Approving sets ApprovedBy (the key's name) and ApprovedAt.
/// </summary>
internal static class PublicationTransitions
{
    private static readonly Transition[] Table =
    [
        new("Draft", "PendingApproval", Grant.Writers, "submitting for approval"),
        new("Draft", "Cancelled", Grant.Writers, "cancelling"),
        new("PendingApproval", "Draft", Grant.Writers, "taking back to draft"),
        new("PendingApproval", "Cancelled", Grant.Writers, "cancelling"),
        new("PendingApproval", "Approved", Grant.Admin | Grant.Approver, "approving"),
        new("PendingApproval", "Rejected", Grant.Admin | Grant.Approver, "rejecting"),
        new("Approved", "Scheduled", Grant.Admin | Grant.Approver, "scheduling"),
        new("Approved", "Cancelled", Grant.Admin | Grant.Approver, "withdrawing an approval"),
        new("Scheduled", "Cancelled", Grant.Admin | Grant.Approver, "withdrawing an approval"),
        new("Rejected", "Draft", Grant.Writers, "reworking a rejected publication"),
        new("Rejected", "Cancelled", Grant.Writers, "cancelling"),
    ];

    /// <summary>The statuses that are a review decision: the one who decides must not be the one who wrote it.</summary>
    public static readonly string[] Decisions = ["Approved", "Rejected"];

    /// <summary>The transition from <paramref name="from"/> to <paramref name="to"/>, or null when there is none.</summary>
    public static Transition? Find(string? from, string to) => Table.FirstOrDefault(t => t.From == from && t.To == to);

    /// <summary>Where a publication in <paramref name="from"/> may go, for the error message.</summary>
    public static IEnumerable<string> From(string? from) => Table.Where(t => t.From == from).Select(t => t.To);

    /// <summary>One allowed status change, who may make it, and what it is called in messages.</summary>
    internal sealed record Transition(string From, string To, Grant Who, string Verb)
    {
        public bool Allows(ApiKeyStore.Principal principal) => AccessMatrix.Allows(Who, principal);
    }
}
