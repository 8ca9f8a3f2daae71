using Engage.Host.Operator;
using Engage.Host.Privacy.Erasure;
using Engage.Host.Privacy.Export;
using Engage.Host.Privacy.Subjects;
using Engage.Host.Security;

namespace Engage.Host.Privacy.Commands;

/// <summary>
/// The operator's <c>subject export --contacts 5,9 [--format json|csv] [--to DIR]</c> and
/// <c>subject erase --contacts 5,9 --reason TEXT</c>: the same work as the HTTP endpoints, audited as the operator.
/// A wrong command line exits 2; an unknown contact or a refused reason exits 1.
/// </summary>
internal static class SubjectVerb
{
    /// <summary>Where exports go when <c>--to</c> is not given: <c>exports</c> in the content root (beside <c>data</c>).</summary>
    public const string DefaultFolder = "exports";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = VerbArguments.Parse(args, new HashSet<string> { "contacts", "format", "reason", "to" });
        var erasure = parsed.Positional is ["erase"];
        if (parsed.Positional is not (["export"] or ["erase"]))
        {
            throw new OperatorException(OperatorException.Usage, "subject takes one subcommand: export or erase.");
        }

        if (erasure && parsed.To is not null)
        {
            throw new OperatorException(OperatorException.Usage, "subject erase takes no --to.");
        }

        var request = new SubjectRequest(parsed.Options.GetValueOrDefault("contacts"), parsed.Options.GetValueOrDefault("format"),
            parsed.Options.GetValueOrDefault("reason")?.Trim());
        var validation = new SubjectRequestValidator(erasure).Validate(request);
        if (!validation.IsValid)
        {
            throw new OperatorException(OperatorException.Usage, string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
        }

        var settings = OperatorSettings.Load(parsed);
        var database = OperatorDatabase.Existing(settings, erasure ? "erase" : "export");
        try
        {
            if (erasure)
            {
                var result = await new SubjectEraser(database, time).EraseAsync(request.ContactIds, request.Reason!, OperatorKeys.Actor, _ => true, cancellationToken);
                output.WriteLine($"Erased contacts {string.Join(", ", result.ContactIds)} of workspace {result.WorkspaceId}: {result.Summary}.");
                output.WriteLine("The rows are kept without personal data, so counts and metrics do not change; the next sync will not bring anything back.");
                return 0;
            }

            var folder = settings.Resolve(parsed.To ?? DefaultFolder);
            Directory.CreateDirectory(folder);
            var export = await new SubjectExporter(database, time).ExportAsync(request.ContactIds, request.ExportFormat, OperatorKeys.Actor, _ => true, cancellationToken);
            var path = Path.Combine(folder, SubjectExporter.FileName(export, request.ExportFormat));
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await SubjectExporter.WriteAsync(export, request.ExportFormat, file, cancellationToken);
            }

            output.WriteLine($"Exported contacts {string.Join(", ", export.ContactIds)} of workspace {export.WorkspaceId} to {path}");
            output.WriteLine("  " + string.Join(", ", export.Counts.Select(c => $"{c.Key} {c.Value}")));
            output.WriteLine("The file holds personal data: hand it to the person securely and delete your copy when done.");
            return 0;
        }
        catch (Exception e) when (e is SubjectNotFoundException or ArgumentException)
        {
            throw new OperatorException(OperatorException.Refused, e.Message + " Nothing was changed.");
        }
    }
}
