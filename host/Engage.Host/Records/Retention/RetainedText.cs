using Engage.Host.Ingestion;
using Engage.Host.Store;

namespace Engage.Host.Records.Retention;

/// <summary>
/// What ingestion may store of an interaction's text under its workspace's retention period: nothing when the
/// interaction was created before the cutoff (unless a legal hold suspends retention), so a re-sync of old items
/// never brings purged text back. Read once per batch. (Rows already purged are also guarded by the database:
/// trigger <c>TR_Interactions_KeepPurged</c>.)
/// </summary>
internal sealed class RetainedText
{
    private readonly DateTimeOffset? _cutoff;

    private RetainedText(DateTimeOffset? cutoff) => _cutoff = cutoff;

    public static async Task<RetainedText> LoadAsync(IngestionContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = context.Command("SELECT RetentionDays FROM Workspaces WHERE Id = @w AND LegalHold = 0")
            .With("@w", context.Scope.WorkspaceId);
        return new RetainedText(await command.ExecuteScalarAsync(cancellationToken) is long days ? RetentionPeriod.Cutoff(now, days) : null);
    }

    /// <summary>The text to store for an interaction created at <paramref name="createdAt"/>.</summary>
    public string? For(DateTimeOffset createdAt, string? text) => _cutoff is { } cutoff && createdAt < cutoff ? null : text;
}
