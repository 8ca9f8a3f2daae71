using Engage.Host.Security;
using Engage.Host.Security.Access;
using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Publications: Text required (at most 5000 characters), the account in the publication's workspace, ScheduledFor
/// in the future. Status changes follow <see cref="PublicationTransitions"/> (who may approve, reject, schedule, the
/// four-eyes rule); text, account and schedule change only before approval. 'Published'/'Failed' are the publishing
/// workflow's (issue 5). The server sets CreatedBy, ApprovedBy/ApprovedAt when approving, and the idempotency key that
/// keeps a publication from being posted twice.
/// </summary>
internal sealed class PublicationWrites : WriteRules
{
    public const int MaxTextLength = 5000;

    private static readonly string[] Editable = ["Draft", "PendingApproval"];
    private static readonly string[] Deletable = ["Draft", "PendingApproval", "Rejected", "Cancelled"];

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
            else if (write.Operation == WriteOperation.Update && write.Has("Status") && write.Get("Status") is "Approved"
                && write.Current.GetValueOrDefault("Status") is not "Approved")
            {
                write.SetServerValue("ApprovedBy", Actors.Of(write.HttpContext));
                write.SetServerValue("ApprovedAt", Time.GetUtcNow());
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
            CheckTransition(write, current, status, Time.GetUtcNow());
        }
    }

    private static void CheckTransition(WriteContext write, string? current, string status, DateTimeOffset now)
    {
        if (write.Operation == WriteOperation.Insert)
        {
            if (status is not ("Draft" or "PendingApproval"))
            {
                write.AddError("Status", "A new publication starts as 'Draft' or 'PendingApproval'.");
            }

            return;
        }

        if (PublicationTransitions.Find(current, status) is not { } transition)
        {
            var next = PublicationTransitions.From(current).ToList();
            write.AddError("Status", next.Count == 0
                ? $"A publication in status '{current}' keeps its status here; 'Published' and 'Failed' belong to the publishing workflow."
                : $"'Status' cannot go from '{current}' to '{status}'; from '{current}' it may go to {EngageValues.List(next)}.");
            return;
        }

        var principal = Principals.Of(write.HttpContext);
        if (principal is null || !transition.Allows(principal))
        {
            write.Forbid($"{char.ToUpperInvariant(transition.Verb[0])}{transition.Verb[1..]} a publication needs {AccessMatrix.Describe(transition.Who)}; " +
                $"this API key has the {principal?.Role.ToString() ?? "no"} role.");
            return;
        }

        if (PublicationTransitions.Decisions.Contains(status) && write.Current.GetValueOrDefault("CreatedBy") is string creator && creator == principal.Name)
        {
            write.Conflict($"'{principal.Name}' created this publication and may not also review it: another person must approve or reject it (four-eyes rule).");
        }

        if (status == "Scheduled" && (write.Get("ScheduledFor") is not DateTimeOffset at || at <= now))
        {
            write.AddError("ScheduledFor", "A publication is scheduled for a future 'ScheduledFor', set before approval; " +
                "cancel this one and submit it again with the time it should go out.");
        }
    }
}
