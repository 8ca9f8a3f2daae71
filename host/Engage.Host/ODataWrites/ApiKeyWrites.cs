using Engage.Host.Audit;
using Engage.Host.ODataModel;
using Engage.Host.Security;
using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// ApiKeys: a POST creates a key with the rules of <c>keys create</c> (<see cref="KeyRequest"/>): Name of 1 to 200 characters,
/// Role one of the four roles, Workspaces a comma-separated list of existing workspace Ids (required except for Admin,
/// whose key without a list reaches all workspaces), ExpiresAt in the future or null. The server generates the key
/// (<see cref="ApiKeyStore.Generate"/>), stores its lookup prefix and hash, and answers 201 with the key whose
/// <c>Secret</c> holds the key: the only time it is shown (every read shows null). Keys are never changed or deleted;
/// <see cref="RevokeAction"/> revokes one.
/// </summary>
internal sealed class ApiKeyWrites : WriteRules
{
    private readonly TimeProvider _time;

    public ApiKeyWrites(TimeProvider time)
    {
        _time = time;
        RequiredText("Name", 200);
        OneOf("Role", [.. KeyRequest.Roles]);
        Text("Workspaces").CustomAsync(CheckWorkspacesAsync);
        Timestamp("ExpiresAt").Must(at => at is null || at > _time.GetUtcNow())
            .WithMessage("'ExpiresAt' must be in the future, or null for a key that does not expire.");
        When(write => write.Operation == WriteOperation.Insert && write.Get("Role") is string role && role != "Admin" && KeyRequest.Roles.Contains(role)
                && write.Get("Workspaces") is null,
            () => RuleFor(write => write).Configure(rule => rule.PropertyName = "Workspaces")
                .Must(_ => false).WithMessage(write => $"An {write.Get("Role")} key needs 'Workspaces' (comma-separated workspace Ids, e.g. '1,2'); only an Admin key may reach all workspaces."));
    }

    /// <summary>What clients may send: POST only (the answer always carries the entity, with the secret).</summary>
    public static WritePolicy Shape { get; } = new()
    {
        Insertable = ["Name", "Role", "Workspaces", "ExpiresAt"],
        OptionalOnInsert = ["Prefix", "CreatedAt"],
        InsertAnswersWithEntity = true,
    };

    public WritePolicy Policy(WritePolicy shape) => shape with { Validate = ApplyAsync, ServerValues = ServerValues };

    /// <summary>The audit entries of the set: <c>ApiKey.Create</c> and <c>ApiKey.Revoke</c>, as on the command line.</summary>
    public static AuditEntry? Describe(Engage.OData.Writes.ChangeContext change)
    {
        var actor = Actors.Of(change.HttpContext);
        return change.Operation switch
        {
            WriteOperation.Insert => ApiKeyAudit.Created(actor, (long)change.Key, (string)change.Values["Name"]!, (string)change.Values["Role"]!,
                change.Values["Workspaces"] as string, change.Values["ExpiresAt"] as DateTimeOffset?, (string)change.Values["Prefix"]!),
            WriteOperation.Action when change.Action == EngageActions.Revoke =>
                ApiKeyAudit.Revoked(actor, (long)change.Key, (string)change.Previous["Name"]!, (string)change.Previous["Prefix"]!),
            _ => null,
        };
    }

    private ValueTask ServerValues(WriteContext write, CancellationToken cancellationToken)
    {
        write.SetServerValue("Name", (write.Get("Name") as string)!.Trim());
        if (write.Get("Workspaces") is string list && KeyRequest.TryParseWorkspaces(list, out var ids, out _))
        {
            write.SetServerValue("Workspaces", new KeyRequest("", "", ids, null).StoredWorkspaces);
        }

        write.SetServerValue("CreatedAt", _time.GetUtcNow());
        var key = ApiKeyStore.Generate();
        write.SetColumn("Prefix", key.LookupPrefix);
        write.SetColumn("Hash", key.Hash);
        write.SetResponseValue("Secret", key.Secret);
        return ValueTask.CompletedTask;
    }

    private static async Task CheckWorkspacesAsync(string? list, ValidationContext<WriteContext> context, CancellationToken cancellationToken)
    {
        if (list is null)
        {
            return; // all workspaces: for Admin only (the rule on insert)
        }

        if (!KeyRequest.TryParseWorkspaces(list, out var ids, out var bad))
        {
            context.AddFailure("Workspaces", $"'Workspaces' must be comma-separated workspace Ids such as '1,2' ('{bad}' is not one), or null for all (Admin only).");
            return;
        }

        foreach (var id in ids)
        {
            if (!await StoreLookups.WorkspaceExistsAsync(context.InstanceToValidate, id, cancellationToken))
            {
                context.AddFailure("Workspaces", $"There is no workspace {id}; the workspaces are listed at /odata/Workspaces.");
            }
        }
    }
}
