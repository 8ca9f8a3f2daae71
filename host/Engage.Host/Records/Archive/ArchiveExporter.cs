using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Engage.Host.Audit;
using Engage.Host.Store;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Records.Archive;

/// <summary>
/// Writes the archive of one workspace and period for a records request (FOI, public records): the JSON lines files of
/// <see cref="ArchiveFiles"/> read from one consistent snapshot and streamed row by row, then <c>manifest.json</c>. Every
/// export, finished or not, appends one <c>Archive.Export</c> audit row with the workspace, period and row counts.
/// </summary>
internal sealed class ArchiveExporter(EngageDatabase database, TimeProvider time)
{
    public const string Action = "Archive.Export";

    private static readonly string Version =
        typeof(ArchiveExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ArchiveExporter).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The workspace to archive, or null when there is none with this Id.</summary>
    public async Task<ArchiveManifest.WorkspaceInfo?> FindWorkspaceAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Name, TimeZone FROM Workspaces WHERE Id = @id").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ArchiveManifest.WorkspaceInfo(id, reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Writes the whole archive into <paramref name="target"/> (and disposes it, which completes a zip) and answers its manifest.</summary>
    public async Task<ArchiveManifest> ExportAsync(
        ArchiveManifest.WorkspaceInfo workspace, ArchivePeriod period, IArchiveTarget target, string actor, CancellationToken cancellationToken)
    {
        var generatedAt = time.GetUtcNow();
        var files = new List<ArchiveFile>();
        try
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var snapshot = connection.BeginTransaction(deferred: true))
            {
                foreach (var query in ArchiveFiles.All)
                {
                    files.Add(await WriteFileAsync(connection, snapshot, query, workspace.Id, period, target, cancellationToken));
                }
            }

            var manifest = new ArchiveManifest(ArchiveManifest.CurrentFormat, workspace,
                new ArchiveManifest.PeriodInfo(ArchivePeriod.Text(period.From), ArchivePeriod.Text(period.To),
                    $"Both days included, in the workspace's time zone ({workspace.TimeZone}): posts by PublishedDate, interactions by CreatedDate."),
                generatedAt, Version, files);
            await using (var stream = await target.CreateAsync(ArchiveManifest.FileName, cancellationToken))
            {
                await JsonSerializer.SerializeAsync(stream, manifest, ArchiveManifest.Json, cancellationToken);
            }

            await target.DisposeAsync();
            await RecordAsync(workspace, period, files, completed: true, actor, cancellationToken);
            return manifest;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SqliteException)
        {
            // Part of the archive may have left already: the audit trail says so.
            await RecordAsync(workspace, period, files, completed: false, actor, CancellationToken.None);
            throw;
        }
    }

    private static async Task<ArchiveFile> WriteFileAsync(
        SqliteConnection connection, SqliteTransaction snapshot, ArchiveFileQuery query, long workspaceId, ArchivePeriod period, IArchiveTarget target,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command(query.Sql, snapshot)
            .With("@w", workspaceId).With("@from", ArchivePeriod.Text(period.From)).With("@to", ArchivePeriod.Text(period.To));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var stream = await target.CreateAsync(query.FileName, cancellationToken);
        using var hashing = new HashingStream(stream);
        var rows = await JsonLinesFile.WriteAsync(reader, query.Columns, hashing, cancellationToken);
        return new ArchiveFile(query.FileName, rows, hashing.BytesWritten, hashing.Sha256());
    }

    private async Task RecordAsync(
        ArchiveManifest.WorkspaceInfo workspace, ArchivePeriod period, IReadOnlyList<ArchiveFile> files, bool completed, string actor, CancellationToken cancellationToken)
    {
        var counts = files.Count == 0 ? "no file written" : string.Join(", ", files.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Rows} {f.Name}")));
        var details = $"Archive of {period.Describe()}: {counts}" + (completed ? "" : "; INCOMPLETE, the export stopped before the end");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await new AuditTrail(time).AppendAsync(connection, transaction,
            new AuditEntry(actor, Action, "Workspaces", workspace.Id.ToString(CultureInfo.InvariantCulture), details), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
