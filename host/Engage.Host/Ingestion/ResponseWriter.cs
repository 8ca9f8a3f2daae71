using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>
/// Marks inbound interactions as answered: <c>RespondedAt</c> and <c>ResponseSeconds</c> come from the
/// earliest outbound interaction that replies to them, whichever batch brought either side.
/// </summary>
internal static class ResponseWriter
{
    public static async Task UpdateAsync(IngestionContext context, IReadOnlyList<InteractionItem> interactions, CancellationToken cancellationToken)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in interactions)
        {
            if (item.Direction == InteractionDirection.Outbound && item.InReplyToExternalId is { } target)
            {
                targets.Add(target);
            }
            else if (item.Direction == InteractionDirection.Inbound)
            {
                targets.Add(item.ExternalId);
            }
        }

        foreach (var target in targets)
        {
            await using var find = context.Command(
                    """
                    SELECT i.CreatedAt, (SELECT MIN(o.CreatedAt) FROM Interactions o
                                         WHERE o.ConnectionId = i.ConnectionId AND o.InReplyToExternalId = i.ExternalId
                                           AND o.Direction = 'Outbound' AND o.CreatedAt >= i.CreatedAt)
                    FROM Interactions i
                    WHERE i.ConnectionId = @c AND i.ExternalId = @e AND i.Direction = 'Inbound'
                    """)
                .With("@c", context.Scope.ConnectionId).With("@e", target);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(1))
            {
                continue;
            }

            var created = DbTime.ParseTimestamp(reader.GetString(0));
            var responded = DbTime.ParseTimestamp(reader.GetString(1));
            await reader.CloseAsync();
            await using var update = context.Command(
                    """
                    UPDATE Interactions SET RespondedAt = @at, ResponseSeconds = @s,
                        Status = CASE WHEN Status = 'New' THEN 'Replied' ELSE Status END
                    WHERE ConnectionId = @c AND ExternalId = @e
                    """)
                .With("@at", DbTime.Format(responded)).With("@s", (long)Math.Round((responded - created).TotalSeconds))
                .With("@c", context.Scope.ConnectionId).With("@e", target);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
