using System.Globalization;
using Engage.Host.Operator;
using Engage.Host.Security;

namespace Engage.Host.Records.Archive;

/// <summary>
/// <c>archive --workspace ID --from YYYY-MM-DD --to YYYY-MM-DD [--out FOLDER]</c>: writes the archive of a workspace and
/// period into a new sub-folder of FOLDER (default <c>archives</c> in the content root) and prints its files. The
/// server may run. <c>--to</c> is the last day here, as in the HTTP endpoint, so the folder is <c>--out</c>.
/// </summary>
internal static class ArchiveCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = VerbArguments.Parse(args, new HashSet<string> { "workspace", "from", "to", "out" });
        if (parsed.Positional.Count > 0)
        {
            throw new OperatorException(OperatorException.Usage, $"archive takes no positional argument ({parsed.Positional[0]}); use --out <folder> for the folder.");
        }

        if (!parsed.Options.TryGetValue("workspace", out var idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new OperatorException(OperatorException.Usage, "archive needs --workspace <id>, the workspace's Id (a number, as in /odata/Workspaces).");
        }

        var (period, problems) = ArchivePeriod.Parse(parsed.Options.GetValueOrDefault("from"), parsed.To);
        if (period is null)
        {
            throw new OperatorException(OperatorException.Usage, string.Join(" ", problems).Replace("'from'", "--from", StringComparison.Ordinal)
                .Replace("'to'", "--to", StringComparison.Ordinal));
        }

        var settings = OperatorSettings.Load(parsed);
        var exporter = new ArchiveExporter(OperatorDatabase.Existing(settings, "archive"), time);
        var workspace = await exporter.FindWorkspaceAsync(id, cancellationToken)
            ?? throw new OperatorException(OperatorException.Refused, $"There is no workspace {id}. List them at /odata/Workspaces.");

        var folder = Path.Combine(settings.Resolve(parsed.Options.GetValueOrDefault("out") ?? "archives"),
            Path.GetFileNameWithoutExtension(ArchiveEndpoint.FileName(id, period)) + time.GetUtcNow().ToString("-yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
        {
            throw new OperatorException(OperatorException.Refused, $"{folder} already exists; wait a second and run the command again, or move it away.");
        }

        Directory.CreateDirectory(folder);
        var manifest = await exporter.ExportAsync(workspace, period, new FolderArchiveTarget(folder), OperatorKeys.Actor, cancellationToken);
        output.WriteLine($"Archive of workspace {id} ({workspace.Name}), {period.Describe()}, written to {folder}:");
        foreach (var file in manifest.Files)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.Name,-20} {file.Rows,10:N0} rows {file.Bytes,14:N0} bytes  sha256 {file.Sha256}"));
        }

        output.WriteLine($"  {ArchiveManifest.FileName} lists them with their checksums.");
        return 0;
    }
}
