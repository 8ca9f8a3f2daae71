using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Publications: Text required (at most 5000 characters), the account in the publication's workspace, ScheduledFor
/// in the future. People move a publication between 'Draft' and 'PendingApproval' and may cancel it; text, account
/// and schedule change only before approval. Approving ('Approved', 'Scheduled', ApprovedBy/ApprovedAt) is the
/// Approver role's and arrives with roles (issue 4); 'Published'/'Failed' are the publishing workflow's (issue 5).
/// The server sets CreatedBy and the idempotency key that keeps a publication from being posted twice.
/// </summary>
internal sealed class PublicationWrites : WriteRules
{
    public const int MaxTextLength = 5000;

    private static readonly string[] Editable = ["Draft", "PendingApproval"];
    private static readonly string[] Deletable = ["Draft", "PendingApproval", "Cancelled"];
    private static readonly string[] SettableByEditors = ["Draft", "PendingApproval", "Cancelled"];

    public PublicationWrites(TimeProvider time)
    {
        Time = time;
        RequiredText("Text", MaxTextLength);
        SameWorkspace("AccountId", "Accounts", "account");
        Timestamp("ScheduledFor").Must(at => at is null || at > Time.GetUtcNow()).WithMessage("'ScheduledFor' must be in the future.");
        OneOf("Status", EngageValues.PublicationStatuses);
    }

    private TimeProvider Time { get; }

    public WritePolicy Policy(WritePolicy shape) => shape with
    {
        ScopeInsert = WorkspaceAccess.CheckInsertAsync,
        Validate = CheckAsync,
        ServerValues = (write, _) =>
        {
            if (write.Operation == WriteOperation.Insert)
            {
                write.SetServerValue("CreatedBy", Actors.Of(write.HttpContext));
                write.SetColumn("IdempotencyKey", Guid.NewGuid().ToString("N"));
            }

            return ValueTask.CompletedTask;
        },
    };

    private async ValueTask CheckAsync(WriteContext write, CancellationToken cancellationToken)
    {
        var current = write.Current.GetValueOrDefault("Status") as string;
        if (write.Operation == WriteOperation.Delete)
        {
            if (!Deletable.Contains(current))
            {
                write.Conflict($"A publication in status '{current}' is kept; only {EngageValues.List(Deletable)} ones can be deleted.");
            }

            return;
        }

        await ApplyAsync(write, cancellationToken);
        if (write.Operation == WriteOperation.Update && !Editable.Contains(current)
            && (write.Has("Text") || write.Has("AccountId") || write.Has("ScheduledFor")))
        {
            write.Conflict($"A publication in status '{current}' can no longer be edited; only {EngageValues.List(Editable)} ones can.");
        }

        if (write.Has("Status") && write.Get("Status") is string status && status != current && EngageValues.PublicationStatuses.Contains(status))
        {
            CheckTransition(write, current, status);
        }
    }

    private static void CheckTransition(WriteContext write, string? current, string status)
    {
        if (write.Operation == WriteOperation.Insert)
        {
            if (status is not ("Draft" or "PendingApproval"))
            {
                write.AddError("Status", "A new publication starts as 'Draft' or 'PendingApproval'.");
            }

            return;
        }

        // Issue 4 (roles) adds here: an Approver may move 'PendingApproval' to 'Approved'/'Scheduled', setting ApprovedBy/ApprovedAt.
        if (!SettableByEditors.Contains(status) || !Editable.Contains(current))
        {
            write.AddError("Status", $"'Status' cannot go from '{current}' to '{status}' here: editors move a publication between 'Draft' and " +
                "'PendingApproval' or cancel it before approval; approving is the Approver role's and publishing the workflow's.");
        }
    }
}
