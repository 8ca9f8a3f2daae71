using Engage.OData.Writes;
using Engage.Host.Records.Retention;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Workspaces: Name (required, unique, at most 200 characters) and TimeZone (an IANA zone, default UTC);
/// CreatedAt is the server's. Records duties (<c>Records/Retention</c>): RetentionDays (1 to 36500, or null to keep
/// interaction text forever), LegalHold and LegalHoldReason; the server records who last placed or lifted the hold and when. A workspace that still holds data is never deleted (409 saying what is left).
/// </summary>
internal sealed class WorkspaceWrites : WriteRules
{
    public WorkspaceWrites(TimeProvider time)
    {
        Time = time;
        RequiredText("Name", 200);
        Text("Name").MustAsync(async (write, name, cancellationToken) => name is null || !await NameTakenAsync(write, name, cancellationToken))
            .WithMessage(write => $"A workspace named '{write.Get("Name")}' already exists.");
        Text("TimeZone").Must(zone => zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'TimeZone' must be an IANA time zone such as 'Europe/Berlin' or 'UTC'.");
        Integer("RetentionDays").Must(RetentionPeriod.IsValid).WithMessage(RetentionPeriod.Rule);
        OptionalText("LegalHoldReason", 500);
    }

    private TimeProvider Time { get; }

    public WritePolicy Policy(WritePolicy shape) => shape with
    {
        Validate = CheckAsync,
        ServerValues = (write, _) =>
        {
            if (write.Operation == WriteOperation.Insert)
            {
                write.SetServerValue("CreatedAt", Time.GetUtcNow());
            }

            if (write.Has("LegalHold") && !Equals(write.Get("LegalHold"), write.Current.GetValueOrDefault("LegalHold") ?? false))
            {
                write.SetServerValue("LegalHoldChangedBy", Actors.Of(write.HttpContext));
                write.SetServerValue("LegalHoldChangedAt", Time.GetUtcNow());
            }

            return ValueTask.CompletedTask;
        },
    };

    private async ValueTask CheckAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation != WriteOperation.Delete)
        {
            await ApplyAsync(write, cancellationToken);
            return;
        }

        var left = new List<string>();
        foreach (var table in StoreLookups.WorkspaceTables)
        {
            var count = await StoreLookups.CountAsync(write, table, "WorkspaceId", write.Key!, cancellationToken);
            if (count > 0)
            {
                left.Add($"{count} {table}");
            }
        }

        if (left.Count > 0)
        {
            write.Conflict($"Workspace '{write.Current["Name"]}' still holds data ({string.Join(", ", left)}). " +
                "Engage never deletes a workspace's data along with it: remove or archive the data first.");
        }
    }

    private static async Task<bool> NameTakenAsync(WriteContext write, string name, CancellationToken cancellationToken) =>
        await StoreLookups.ScalarAsync(write, "SELECT EXISTS (SELECT 1 FROM Workspaces WHERE Name = @n AND Id IS NOT @id)", cancellationToken,
            ("@n", name), ("@id", write.Key)) == 1;
}
