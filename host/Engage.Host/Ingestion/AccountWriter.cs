using Engage.Host.Store;
using Engage.Sdk.Items;

namespace Engage.Host.Ingestion;

/// <summary>Upserts accounts on (connection, external id).</summary>
internal static class AccountWriter
{
    public static async Task WriteAsync(IngestionContext context, IReadOnlyList<AccountItem> accounts, CancellationToken cancellationToken)
    {
        foreach (var account in accounts)
        {
            var network = account.Network ?? context.Scope.Network;
            context.AccountNetworks[account.ExternalId] = network;
            var id = await context.FindAsync("Accounts", account.ExternalId, cancellationToken);
            var sql = id is null
                ? """
                  INSERT INTO Accounts (WorkspaceId, ConnectionId, Network, ExternalId, Handle, DisplayName, Url, FollowersCount, FollowingCount, PostsCount)
                  VALUES (@w, @c, @n, @e, @h, @d, @u, @f1, @f2, @p) RETURNING Id
                  """
                : """
                  UPDATE Accounts SET Network = @n, Handle = @h, DisplayName = @d, Url = @u,
                      FollowersCount = COALESCE(@f1, FollowersCount), FollowingCount = COALESCE(@f2, FollowingCount),
                      PostsCount = COALESCE(@p, PostsCount)
                  WHERE Id = @id RETURNING Id
                  """;
            await using var command = context.Command(sql)
                .With("@w", context.Scope.WorkspaceId).With("@c", context.Scope.ConnectionId).With("@id", id)
                .With("@n", network).With("@e", account.ExternalId).With("@h", account.Handle)
                .With("@d", account.DisplayName).With("@u", account.Url).With("@f1", account.FollowersCount)
                .With("@f2", account.FollowingCount).With("@p", account.PostsCount);
            var rowId = await command.InsertAsync(cancellationToken);
            context.Remember("Accounts", account.ExternalId, rowId);
            if (id is null)
            {
                context.New++;
            }
        }
    }

    /// <summary>The account's row id and network; a reference to an account never sent is a connector bug.</summary>
    public static async Task<(long Id, string Network)> ResolveAsync(
        IngestionContext context, string accountExternalId, string what, CancellationToken cancellationToken)
    {
        var id = await context.FindAsync("Accounts", accountExternalId, cancellationToken)
            ?? throw new InvalidDataException(
                $"{what} refers to account '{accountExternalId}', which the connector never sent. " +
                "Include the account in the same or an earlier batch.");
        if (!context.AccountNetworks.TryGetValue(accountExternalId, out var network))
        {
            await using var command = context.Command("SELECT Network FROM Accounts WHERE Id = @id").With("@id", id);
            network = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
            context.AccountNetworks[accountExternalId] = network;
        }

        return (id, network);
    }
}
