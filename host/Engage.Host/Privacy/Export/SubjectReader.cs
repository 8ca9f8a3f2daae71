using Engage.Host.Privacy.Subjects;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Privacy.Export;

/// <summary>Reads the rows of <see cref="SubjectRows"/> with the columns the OData model publishes (never internal state).</summary>
internal static class SubjectReader
{
    private static readonly (string Table, string Columns)[] Tables =
    [
        ("Contacts", "Id, WorkspaceId, ConnectionId, Network, ExternalId, Handle, DisplayName, Url, FollowersCount, IsCustomer, Tags, FirstSeenAt, LastSeenAt"),
        ("Conversations", "Id, WorkspaceId, ConnectionId, AccountId, ContactId, Network, ExternalId, StartedAt, StartedDate, LastActivityAt, MessagesIn, " +
                          "MessagesOut, FirstResponseSeconds, Status"),
        ("Interactions", "Id, WorkspaceId, ConnectionId, AccountId, PostId, ConversationId, ContactId, Network, ExternalId, InReplyToExternalId, Kind, " +
                         "Direction, Text, Url, CreatedAt, CreatedDate, Language, Sentiment, SentimentScore, Status, Team, AssignedTo, RespondedAt, " +
                         "ResponseSeconds, ListeningQueryId"),
        ("Moments", "Id, WorkspaceId, OccurredAt, OccurredOn, Network, ContactId, ConversationId, InteractionId, ConversationUrl, PeopleInvolved, " +
                    "IsExistingCustomer, Change, Category, Source, State, LoggedBy"),
        ("Publications", "Id, WorkspaceId, AccountId, Text, ScheduledFor, Status, CreatedBy, ApprovedBy, ApprovedAt, PostId, InReplyToInteractionId"),
    ];

    public static async Task<SubjectExport> ReadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, SubjectRows rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<long>[] ids = [rows.ContactIds, rows.ConversationIds, rows.InteractionIds, rows.MomentIds, rows.PublicationIds];
        var tables = new List<SubjectTable>();
        for (var i = 0; i < Tables.Length; i++)
        {
            var (table, columns) = Tables[i];
            tables.Add(await ReadTableAsync(connection, transaction, table,
                $"SELECT {columns} FROM {table} WHERE Id IN (SELECT value FROM json_each(@ids)) ORDER BY Id", SubjectRows.Json(ids[i]), cancellationToken));
        }

        // The audit rows about these rows: what people did with this person's data.
        tables.Add(await ReadTableAsync(connection, transaction, "AuditEvents",
            """
            SELECT Id, At, Actor, Action, EntitySet, EntityId, Details FROM AuditEvents
            WHERE (EntitySet = 'Contacts' AND EntityId IN (SELECT CAST(value AS TEXT) FROM json_each(@ids)))
               OR (EntitySet = 'Interactions' AND EntityId IN (SELECT CAST(value AS TEXT) FROM json_each(@interactions)))
               OR (EntitySet = 'Moments' AND EntityId IN (SELECT CAST(value AS TEXT) FROM json_each(@moments)))
            ORDER BY Id
            """,
            SubjectRows.Json(rows.ContactIds), cancellationToken,
            ("@interactions", SubjectRows.Json(rows.InteractionIds)), ("@moments", SubjectRows.Json(rows.MomentIds))));
        return new SubjectExport(now, rows.WorkspaceId, rows.ContactIds, tables);
    }

    private static async Task<SubjectTable> ReadTableAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string name, string sql, string ids, CancellationToken cancellationToken,
        params (string Name, string Value)[] more)
    {
        await using var command = connection.Command(sql, transaction).With("@ids", ids);
        foreach (var (parameter, value) in more)
        {
            command.With(parameter, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[reader.FieldCount];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }

            rows.Add(values);
        }

        return new SubjectTable(name, columns, rows);
    }
}
