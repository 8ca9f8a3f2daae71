using Engage.Host.ODataModel;
using Engage.OData.Actions;
using Microsoft.OData.Edm;

namespace Engage.Host.ODataWrites;

/// <summary>
/// <c>POST /odata/Interactions(7)/Engage.Reply</c> with <c>{"Text":"…"}</c>: records the intent to answer an
/// inbound interaction as a Publication of the interaction's account, linked by <c>InReplyToInteractionId</c>, in
/// status 'PendingApproval' (the reply's text is final; approval and sending are the workflow's, issues 4 and 5).
/// Returns the Publication. Refuses (409) to reply to the account's own outbound items.
/// </summary>
internal static class ReplyAction
{
    public const string InitialStatus = "PendingApproval";

    public static BoundActionDefinition Definition { get; } = new(
        EngageActions.Reply, "Interactions", [new ActionParameter(EngageActions.ReplyText, EdmPrimitiveTypeKind.String)], HandleAsync);

    private static async ValueTask<EntityReference?> HandleAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var text = invocation.Parameters[EngageActions.ReplyText] as string;
        if (string.IsNullOrWhiteSpace(text))
        {
            invocation.AddError(EngageActions.ReplyText, "'Text' must not be empty.");
            return null;
        }

        if (text.Length > PublicationWrites.MaxTextLength)
        {
            invocation.AddError(EngageActions.ReplyText, $"'Text' is at most {PublicationWrites.MaxTextLength} characters.");
            return null;
        }

        if (invocation.Entity["Direction"] is "Outbound")
        {
            invocation.Conflict("This interaction is the account's own message; reply to an inbound one.");
            return null;
        }

        var id = await StoreLookups.ScalarAsync(invocation.Connection, invocation.Transaction,
            """
            INSERT INTO Publications (WorkspaceId, AccountId, Text, Status, CreatedBy, IdempotencyKey, InReplyToInteractionId)
            VALUES (@w, @a, @t, @s, @by, @key, @i) RETURNING Id
            """,
            cancellationToken,
            ("@w", invocation.Entity["WorkspaceId"]), ("@a", invocation.Entity["AccountId"]), ("@t", text), ("@s", InitialStatus),
            ("@by", Actors.Of(invocation.HttpContext)), ("@key", Guid.NewGuid().ToString("N")), ("@i", invocation.Key));
        return new EntityReference("Publications", id);
    }
}
