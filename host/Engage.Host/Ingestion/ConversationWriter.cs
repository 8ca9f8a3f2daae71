using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>
/// Keeps <c>Conversations</c> in step with their interactions: a row per (connection, conversation
/// external id), whose counts, times and first-response time are recomputed from the stored interactions.
/// </summary>
internal static class ConversationWriter
{
    public static async Task<long?> EnsureAsync(
        IngestionContext context, InteractionItem item, long accountId, long? contactId, string network, CancellationToken cancellationToken)
    {
        if (item.ConversationExternalId is not { } externalId)
        {
            return null;
        }

        if (await context.FindAsync("Conversations", externalId, cancellationToken) is { } id)
        {
            return id;
        }

        var at = DbTime.Format(item.CreatedAt);
        await using var command = context.Command(
                """
                INSERT INTO Conversations (WorkspaceId, ConnectionId, AccountId, ContactId, Network, ExternalId, StartedAt, StartedDate, LastActivityAt)
                VALUES (@w, @c, @a, @contact, @n, @e, @at, @d, @at) RETURNING Id
                """)
            .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId).With("@a", accountId)
            .With("@contact", contactId).With("@n", network).With("@e", externalId).With("@at", at)
            .With("@d", DbTime.Format(DbTime.LocalDate(item.CreatedAt, context.Scope.Zone)));
        var newId = await command.InsertAsync(cancellationToken);
        context.Remember("Conversations", externalId, newId);
        context.New++;
        return newId;
    }

    public static async Task RecomputeAsync(IngestionContext context, IEnumerable<long> conversationIds, CancellationToken cancellationToken)
    {
        foreach (var id in conversationIds)
        {
            var messages = new List<(DateTimeOffset At, bool Inbound, long? ContactId)>();
            await using (var read = context.Command(
                    "SELECT CreatedAt, Direction, ContactId FROM Interactions WHERE ConversationId = @id ORDER BY CreatedAt, Id")
                .With("@id", id))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    messages.Add((DbTime.ParseTimestamp(reader.GetString(0)), reader.GetString(1) == "Inbound", reader.GetNullableInt64(2)));
                }
            }

            if (messages.Count == 0)
            {
                continue;
            }

            var firstInbound = messages.FirstOrDefault(m => m.Inbound);
            var firstAnswer = firstInbound == default ? default : messages.FirstOrDefault(m => !m.Inbound && m.At >= firstInbound.At);
            long? firstResponse = firstAnswer == default ? null : (long)Math.Round((firstAnswer.At - firstInbound.At).TotalSeconds);
            var contact = messages.FirstOrDefault(m => m.Inbound && m.ContactId is not null).ContactId
                ?? messages.FirstOrDefault(m => m.ContactId is not null).ContactId;
            await using var update = context.Command(
                    """
                    UPDATE Conversations SET StartedAt = @s, StartedDate = @sd, LastActivityAt = @l, MessagesIn = @in, MessagesOut = @out,
                        FirstResponseSeconds = @fr, ContactId = COALESCE(@contact, ContactId)
                    WHERE Id = @id
                    """)
                .With("@s", DbTime.Format(messages[0].At)).With("@sd", DbTime.Format(DbTime.LocalDate(messages[0].At, context.Scope.Zone)))
                .With("@l", DbTime.Format(messages[^1].At)).With("@in", messages.Count(m => m.Inbound))
                .With("@out", messages.Count(m => !m.Inbound)).With("@fr", firstResponse).With("@contact", contact).With("@id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
