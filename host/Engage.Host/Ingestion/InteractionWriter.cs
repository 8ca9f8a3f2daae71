using Engage.Host.Records.Retention;
using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>
/// Upserts interactions on (connection, external id). Only connector-owned columns are updated: the
/// triage fields people set (Status, Team, AssignedTo, Sentiment) survive every re-sync. Text older than the
/// workspace's retention period is not stored (<see cref="RetainedText"/>).
/// </summary>
internal static class InteractionWriter
{
    public static async Task<IReadOnlyCollection<long>> WriteAsync(
        IngestionContext context, IReadOnlyList<InteractionItem> interactions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retained = await RetainedText.LoadAsync(context, now, cancellationToken);
        var conversations = new HashSet<long>();
        foreach (var item in interactions)
        {
            var (accountId, network) = await AccountWriter.ResolveAsync(context, item.AccountExternalId, $"Interaction '{item.ExternalId}'", cancellationToken);
            var contactId = await ContactWriter.ResolveAsync(context, item.ContactExternalId, network, item.CreatedAt, cancellationToken);
            var postId = await context.FindAsync("Posts", item.PostExternalId, cancellationToken);
            var conversationId = await ConversationWriter.EnsureAsync(context, item, accountId, contactId, network, cancellationToken);
            if (conversationId is { } cid)
            {
                conversations.Add(cid);
            }

            var id = await context.FindAsync("Interactions", item.ExternalId, cancellationToken);
            var createdDate = DbTime.LocalDate(item.CreatedAt, context.Scope.Zone);
            var sql = id is null
                ? """
                  INSERT INTO Interactions (WorkspaceId, ConnectionId, AccountId, PostId, ConversationId, ContactId, Network, ExternalId,
                      InReplyToExternalId, Kind, Direction, Text, Url, CreatedAt, CreatedDate, Language)
                  VALUES (@w, @c, @a, @p, @conv, @contact, @n, @e, @r, @k, @dir, @t, @u, @ca, @cd, @l) RETURNING Id
                  """
                : """
                  UPDATE Interactions SET AccountId = @a, PostId = COALESCE(@p, PostId), ConversationId = COALESCE(@conv, ConversationId),
                      ContactId = COALESCE(@contact, ContactId), Network = @n, InReplyToExternalId = @r, Kind = @k, Direction = @dir,
                      Text = @t, Url = COALESCE(@u, Url), CreatedAt = @ca, CreatedDate = @cd, Language = COALESCE(@l, Language)
                  WHERE Id = @id RETURNING Id
                  """;
            await using var command = context.Command(sql)
                .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId).With("@id", id)
                .With("@a", accountId).With("@p", postId).With("@conv", conversationId).With("@contact", contactId)
                .With("@n", network).With("@e", item.ExternalId).With("@r", item.InReplyToExternalId)
                .With("@k", item.Kind.ToString()).With("@dir", item.Direction.ToString()).With("@t", retained.For(item.CreatedAt, item.Text))
                .With("@u", item.Url).With("@ca", DbTime.Format(item.CreatedAt)).With("@cd", DbTime.Format(createdDate))
                .With("@l", item.Language);
            context.Remember("Interactions", item.ExternalId, await command.InsertAsync(cancellationToken));
            context.Touch(createdDate);
            if (id is null)
            {
                context.New++;
            }
        }

        await ResponseWriter.UpdateAsync(context, interactions, cancellationToken);
        return conversations;
    }
}
