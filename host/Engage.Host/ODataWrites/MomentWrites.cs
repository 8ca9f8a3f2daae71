using Engage.Host.Store;
using Engage.OData.Writes;
using FluentValidation;
using Microsoft.OData.Edm;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Meaningful Relationship Moments: Change required; Source 'Manual' or 'Suggested' (set on creation only);
/// State 'Suggested', 'Confirmed' or 'Rejected'; the contact, conversation and interaction must be in the
/// moment's workspace. The server sets OccurredOn (OccurredAt's day in the workspace's time zone) and LoggedBy.
/// </summary>
internal sealed class MomentWrites : WriteRules
{
    public MomentWrites()
    {
        RequiredText("Change", 2000);
        OptionalText("Category", 100);
        OptionalText("PeopleInvolved", 1000);
        NetworkId("Network");
        OneOf("Source", EngageValues.MomentSources);
        OneOf("State", EngageValues.MomentStates);
        Text("ConversationUrl").Must(v => v is null || (v.Length <= 2000 && Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithMessage("'ConversationUrl' must be an absolute http(s) URL of at most 2000 characters.");
        SameWorkspace("ContactId", "Contacts", "contact");
        SameWorkspace("ConversationId", "Conversations", "conversation");
        SameWorkspace("InteractionId", "Interactions", "interaction");
    }

    public WritePolicy Policy(WritePolicy shape) => shape with
    {
        ScopeInsert = WorkspaceAccess.CheckInsertAsync,
        Validate = (write, cancellationToken) => write.Operation == WriteOperation.Delete ? ValueTask.CompletedTask : ApplyAsync(write, cancellationToken),
        ServerValues = ServerValuesAsync,
    };

    private static async ValueTask ServerValuesAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation == WriteOperation.Insert)
        {
            write.SetServerValue("LoggedBy", Actors.Of(write.HttpContext));
        }

        if (write.Has("OccurredAt") && write.Get("OccurredAt") is DateTimeOffset occurredAt && write.Get("WorkspaceId") is long workspace)
        {
            var zone = await WorkspaceZones.FindAsync(write.Connection, write.Transaction, workspace, cancellationToken);
            var day = DbTime.LocalDate(occurredAt, zone);
            write.SetServerValue("OccurredOn", new Date(day.Year, day.Month, day.Day));
        }
    }
}
