using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Privacy.Subjects;
using Engage.Host.Store;

namespace Engage.Host.Privacy.Export;

/// <summary>
/// Subject access and portability: reads everything stored about one person (see <see cref="SubjectRows"/>) in one
/// transaction and appends one <c>Subject.Export</c> audit row (contact ids, format, counts; no names, handles or texts).
/// </summary>
internal sealed class SubjectExporter(EngageDatabase database, TimeProvider time)
{
    public async Task<SubjectExport> ExportAsync(
        IReadOnlyList<long> contactIds, SubjectFormat format, string actor, Func<long, bool> canSee, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var rows = await SubjectRows.FindAsync(connection, transaction, contactIds, canSee, cancellationToken);
        var export = await SubjectReader.ReadAsync(connection, transaction, rows, time.GetUtcNow(), cancellationToken);
        var ids = string.Join(",", rows.ContactIds.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        var counts = string.Join(", ", export.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
        await new AuditTrail(time).AppendAsync(connection, transaction, new AuditEntry(actor, "Subject.Export", "Contacts", ids,
            string.Create(CultureInfo.InvariantCulture, $"Exported contacts {ids} of workspace {rows.WorkspaceId} as {format.ToString().ToLowerInvariant()}: {counts}")),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return export;
    }

    /// <summary>Writes <paramref name="export"/> in <paramref name="format"/>.</summary>
    public static Task WriteAsync(SubjectExport export, SubjectFormat format, Stream stream, CancellationToken cancellationToken) =>
        format == SubjectFormat.Csv ? SubjectCsvWriter.WriteAsync(export, stream, cancellationToken) : SubjectJsonWriter.WriteAsync(export, stream, cancellationToken);

    /// <summary>The file name an export is saved under: <c>subject-5-9-20261201T101500Z.json</c> (or <c>.zip</c>).</summary>
    public static string FileName(SubjectExport export, SubjectFormat format) =>
        "subject-" + string.Join("-", export.ContactIds.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "-" +
        export.GeneratedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + (format == SubjectFormat.Csv ? ".zip" : ".json");
}
