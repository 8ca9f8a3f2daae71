using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>
/// Upserts contacts on (connection, external id). <c>IsCustomer</c> and <c>Tags</c> belong to people:
/// a sync only sets the customer flag when the source knows it.
/// </summary>
internal static class ContactWriter
{
    public static async Task WriteAsync(
        IngestionContext context, SyncBatch batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = SeenTimes(batch);
        var networks = NetworksFromInteractions(context, batch);
        foreach (var contact in batch.Contacts)
        {
            var id = await context.FindAsync("Contacts", contact.ExternalId, cancellationToken);
            var (first, last) = seen.TryGetValue(contact.ExternalId, out var times) ? times : (now, now);
            var network = contact.Network ?? networks.GetValueOrDefault(contact.ExternalId) ?? context.Scope.Network;
            var sql = id is null
                ? """
                  INSERT INTO Contacts (WorkspaceId, ConnectionId, Network, ExternalId, Handle, DisplayName, Url, FollowersCount, IsCustomer, FirstSeenAt, LastSeenAt)
                  VALUES (@w, @c, @n, @e, @h, @d, @u, @f, COALESCE(@cust, 0), @first, @last) RETURNING Id
                  """
                : """
                  UPDATE Contacts SET Handle = @h, DisplayName = COALESCE(@d, DisplayName), Url = COALESCE(@u, Url),
                      FollowersCount = COALESCE(@f, FollowersCount), IsCustomer = COALESCE(@cust, IsCustomer),
                      FirstSeenAt = CASE WHEN @seen = 1 AND @first < FirstSeenAt THEN @first ELSE FirstSeenAt END,
                      LastSeenAt = CASE WHEN @seen = 1 AND @last > LastSeenAt THEN @last ELSE LastSeenAt END
                  WHERE Id = @id RETURNING Id
                  """;
            await using var command = context.Command(sql)
                .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId).With("@id", id)
                .With("@n", network).With("@e", contact.ExternalId).With("@h", contact.Handle)
                .With("@d", contact.DisplayName).With("@u", contact.Url).With("@f", contact.FollowersCount)
                .With("@cust", contact.IsCustomer is { } c ? (c ? 1 : 0) : null)
                .With("@first", DbTime.Format(first)).With("@last", DbTime.Format(last))
                .With("@seen", seen.ContainsKey(contact.ExternalId) ? 1 : 0);
            context.Remember("Contacts", contact.ExternalId, await command.InsertAsync(cancellationToken));
            if (id is null)
            {
                context.New++;
            }
        }
    }

    /// <summary>Finds a contact, creating a minimal one when an interaction names a contact the connector did not send.</summary>
    public static async Task<long?> ResolveAsync(
        IngestionContext context, string? externalId, string network, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (externalId is null)
        {
            return null;
        }

        if (await context.FindAsync("Contacts", externalId, cancellationToken) is { } id)
        {
            return id;
        }

        await using var command = context.Command(
                """
                INSERT INTO Contacts (WorkspaceId, ConnectionId, Network, ExternalId, Handle, FirstSeenAt, LastSeenAt)
                VALUES (@w, @c, @n, @e, @e, @t, @t) RETURNING Id
                """)
            .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId)
            .With("@n", network).With("@e", externalId).With("@t", DbTime.Format(at));
        var newId = await command.InsertAsync(cancellationToken);
        context.Remember("Contacts", externalId, newId);
        context.New++;
        return newId;
    }

    private static Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)> SeenTimes(SyncBatch batch)
    {
        var seen = new Dictionary<string, (DateTimeOffset, DateTimeOffset)>();
        foreach (var interaction in batch.Interactions)
        {
            if (interaction.ContactExternalId is not { } contact)
            {
                continue;
            }

            var at = interaction.CreatedAt;
            seen[contact] = seen.TryGetValue(contact, out var t) ? (Min(t.Item1, at), Max(t.Item2, at)) : (at, at);
        }

        return seen;
    }

    private static Dictionary<string, string> NetworksFromInteractions(IngestionContext context, SyncBatch batch)
    {
        var networks = new Dictionary<string, string>();
        foreach (var interaction in batch.Interactions)
        {
            if (interaction.ContactExternalId is { } contact
                && context.AccountNetworks.TryGetValue(interaction.AccountExternalId, out var network))
            {
                networks.TryAdd(contact, network);
            }
        }

        return networks;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
