using System.Text.Json;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Privacy.Subjects;

/// <summary>
/// The rows that are about one person (one or more contacts of one workspace): the contacts, their conversations
/// (the contact's own, and any holding an interaction of theirs), their interactions and the outbound interactions in
/// those conversations, the moments that name a contact, conversation or interaction of theirs, and the publications
/// that reply to one of those interactions.
/// </summary>
internal sealed record SubjectRows(
    long WorkspaceId,
    IReadOnlyList<long> ContactIds,
    IReadOnlyList<long> ConversationIds,
    IReadOnlyList<long> InteractionIds,
    IReadOnlyList<long> MomentIds,
    IReadOnlyList<long> PublicationIds)
{
    /// <summary>
    /// Finds the rows; throws <see cref="SubjectNotFoundException"/> when a contact does not exist or is in a
    /// workspace <paramref name="canSee"/> refuses, and <see cref="ArgumentException"/> when the contacts span workspaces.
    /// </summary>
    public static async Task<SubjectRows> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<long> contactIds, Func<long, bool> canSee, CancellationToken cancellationToken)
    {
        var workspaces = new Dictionary<long, long>();
        await using (var find = connection.Command("SELECT Id, WorkspaceId FROM Contacts WHERE Id IN (SELECT value FROM json_each(@ids))", transaction)
                         .With("@ids", Json(contactIds)))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                workspaces[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        foreach (var id in contactIds)
        {
            if (!workspaces.TryGetValue(id, out var workspace) || !canSee(workspace))
            {
                throw new SubjectNotFoundException(id);
            }
        }

        if (workspaces.Values.Distinct().Count() > 1)
        {
            throw new ArgumentException(
                "The contacts are in different workspaces (" + string.Join(", ", workspaces.OrderBy(w => w.Key).Select(w => $"contact {w.Key}: workspace {w.Value}")) +
                "). One request covers one person in one workspace; send one request per workspace.");
        }

        var contacts = Json(contactIds.Distinct().Order().ToList());
        var conversations = await IdsAsync(connection, transaction,
            """
            SELECT Id FROM Conversations WHERE ContactId IN (SELECT value FROM json_each(@contacts))
            UNION SELECT ConversationId FROM Interactions WHERE ContactId IN (SELECT value FROM json_each(@contacts)) AND ConversationId IS NOT NULL
            """, contacts, "[]", cancellationToken);
        var interactions = await IdsAsync(connection, transaction,
            """
            SELECT Id FROM Interactions WHERE ContactId IN (SELECT value FROM json_each(@contacts))
            UNION SELECT Id FROM Interactions WHERE ConversationId IN (SELECT value FROM json_each(@conversations)) AND Direction = 'Outbound'
            """, contacts, Json(conversations), cancellationToken);
        var moments = await IdsAsync(connection, transaction,
            """
            SELECT Id FROM Moments WHERE ContactId IN (SELECT value FROM json_each(@contacts))
            UNION SELECT Id FROM Moments WHERE ConversationId IN (SELECT value FROM json_each(@conversations))
            UNION SELECT Id FROM Moments WHERE InteractionId IN (SELECT value FROM json_each(@interactions))
            """, contacts, Json(conversations), cancellationToken, Json(interactions));
        var publications = await IdsAsync(connection, transaction,
            "SELECT Id FROM Publications WHERE InReplyToInteractionId IN (SELECT value FROM json_each(@interactions))",
            contacts, "[]", cancellationToken, Json(interactions));
        return new SubjectRows(workspaces.Values.First(), [.. contactIds.Distinct().Order()], conversations, interactions, moments, publications);
    }

    /// <summary>A list of ids as the JSON array that <c>json_each</c> reads (one parameter, whatever the count).</summary>
    public static string Json(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);

    private static async Task<List<long>> IdsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, string contacts, string conversations, CancellationToken cancellationToken,
        string interactions = "[]")
    {
        await using var command = connection.Command(sql + " ORDER BY 1", transaction)
            .With("@contacts", contacts).With("@conversations", conversations).With("@interactions", interactions);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
