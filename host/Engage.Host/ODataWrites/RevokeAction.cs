using Engage.Host.ODataModel;
using Engage.Host.Store;
using Engage.OData.Actions;

namespace Engage.Host.ODataWrites;

/// <summary>
/// <c>POST /odata/ApiKeys(3)/Engage.Revoke</c> (no body): sets the key's RevokedAt and returns the key; the next request
/// with it answers 401. The row stays, for the record. Refuses (409) a key already revoked, and the last active
/// (unrevoked, unexpired) Admin key, which would lock every administrator out.
/// </summary>
internal sealed class RevokeAction(TimeProvider time)
{
    public BoundActionDefinition Definition => new(EngageActions.Revoke, "ApiKeys", [], HandleAsync);

    private async ValueTask<EntityReference?> HandleAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var key = invocation.Entity;
        if (key["RevokedAt"] is DateTimeOffset revokedAt)
        {
            invocation.Conflict($"Key {invocation.Key} ('{key["Name"]}') was already revoked at {DbTime.Format(revokedAt)}.");
            return null;
        }

        var now = DbTime.Format(time.GetUtcNow());
        var active = key["ExpiresAt"] is not DateTimeOffset expiresAt || expiresAt > time.GetUtcNow();
        // Only an Admin key for all workspaces can manage keys: a workspace-limited Admin left behind could not recover.
        if (key["Role"] is "Admin" && key["Workspaces"] is null && active && await StoreLookups.ScalarAsync(invocation.Connection, invocation.Transaction,
                "SELECT COUNT(*) FROM ApiKeys WHERE Role = 'Admin' AND Workspaces IS NULL AND RevokedAt IS NULL AND (ExpiresAt IS NULL OR ExpiresAt > @now) AND Id <> @id",
                cancellationToken, ("@now", now), ("@id", invocation.Key)) == 0)
        {
            invocation.Conflict($"Key {invocation.Key} ('{key["Name"]}') is the last active Admin key for all workspaces; revoking it would lock every administrator out of key management. " +
                "Create another Admin key for all workspaces first (POST /odata/ApiKeys or 'keys create --role Admin'), then revoke this one.");
            return null;
        }

        await StoreLookups.ExecuteAsync(invocation.Connection, invocation.Transaction, "UPDATE ApiKeys SET RevokedAt = @at WHERE Id = @id",
            cancellationToken, ("@at", now), ("@id", invocation.Key));
        return new EntityReference("ApiKeys", invocation.Key);
    }
}
