using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Store;

namespace Engage.Host.Security;

/// <summary>
/// The audit entries of key management, the same from the command line, over OData and at first start:
/// <c>ApiKey.Create</c> and <c>ApiKey.Revoke</c> on the key's row, naming the key, its role, scope and display prefix,
/// never its secret or hash.
/// </summary>
internal static class ApiKeyAudit
{
    public const string CreateAction = "ApiKey.Create";

    public const string RevokeAction = "ApiKey.Revoke";

    public static AuditEntry Created(string actor, long id, string name, string role, string? workspaces, DateTimeOffset? expiresAt, string displayPrefix) =>
        new(actor, CreateAction, "ApiKeys", Id(id), $"Created key '{name}' ({role}, {Scope(workspaces, expiresAt)}), prefix {displayPrefix}");

    public static AuditEntry Revoked(string actor, long id, string name, string displayPrefix) =>
        new(actor, RevokeAction, "ApiKeys", Id(id), $"Revoked key '{name}', prefix {displayPrefix}");

    /// <summary>"all workspaces, no expiry", "workspaces 1,2, expires 2027-01-01T00:00:00.0000000Z".</summary>
    public static string Scope(string? workspaces, DateTimeOffset? expiresAt) =>
        (workspaces is null ? "all workspaces" : $"workspaces {workspaces}") + (expiresAt is { } at ? $", expires {DbTime.Format(at)}" : ", no expiry");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
