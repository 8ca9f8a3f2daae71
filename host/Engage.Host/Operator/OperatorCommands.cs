using System.Globalization;
using Engage.Host.Audit;
using Engage.Host.Backup;
using Engage.Host.Privacy.Commands;
using Engage.Host.Records.Archive;
using Engage.Host.Records.Retention;
using Engage.Host.Security;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Operator;

/// <summary>
/// The command-line verbs, run instead of the web server when the first argument names one:
/// <c>backup [--to DIR]</c>, <c>restore BACKUP [--force]</c> and <c>audit verify</c>, <c>keys create|list|revoke</c>,
/// <c>subject export|erase</c>, <c>retention run</c> and <c>archive --workspace ID --from DATE --to DATE [--out DIR]</c>. They read the same configuration as the server
/// (appsettings.json in the content root, environment, <c>--Engage:...</c> arguments). Exit codes: 0 done,
/// 1 failed or refused (the message says what to do next), 2 the command line is wrong.
/// </summary>
internal static class OperatorCommands
{
    public const string Usage =
        """
        Usage:
          Engage.Host backup [--to <folder>]            online backup of the database and key ring (server may run)
          Engage.Host restore <backup folder> [--force]  restore into the data folder (server stopped)
          Engage.Host audit verify                      check the audit trail's hash chain (server may run)
          Engage.Host keys create --name <name> --role Admin|Editor|Approver|Analyst
                                  [--workspaces 1,2] [--expires yyyy-mm-dd]   create an API key, shown once
          Engage.Host keys list                         the keys (never their secrets)
          Engage.Host keys revoke <id>                  revoke a key at once
          Engage.Host subject export --contacts 5,9 [--format json|csv] [--to <folder>]
                                                        everything stored about one person (default folder: exports)
          Engage.Host subject erase --contacts 5,9 --reason <case number>
                                                        anonymise one person; a re-sync does not bring it back
          Engage.Host retention run                     purge interaction text past each workspace's retention period now
          Engage.Host archive --workspace <id> --from yyyy-mm-dd --to yyyy-mm-dd [--out <folder>]
                                                        export a workspace's posts and interactions of a period (records request)
        All also take --contentRoot <folder> and settings such as --Engage:DataPath=<folder>.
        """;

    private static readonly HashSet<string> Verbs = ["backup", "restore", "audit", "keys", "subject", "retention", "archive"];

    /// <summary>Whether <paramref name="args"/> asks for a verb rather than the server.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>Runs the verb named by <paramref name="args"/>[0] and answers its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            switch (args[0])
            {
                case "backup":
                {
                    var parsed = VerbArguments.Parse(args[1..], new HashSet<string> { "to" });
                    if (parsed.Positional.Count > 0)
                    {
                        throw new OperatorException(OperatorException.Usage, $"backup takes no folder argument ({parsed.Positional[0]}); use --to <folder>.");
                    }

                    var settings = OperatorSettings.Load(parsed);
                    var target = parsed.To is null ? settings.BackupRoot : settings.Resolve(parsed.To);
                    await new BackupWriter(settings.Paths, time, output).WriteAsync(target, cancellationToken);
                    return 0;
                }

                case "restore":
                {
                    var parsed = VerbArguments.Parse(args[1..], new HashSet<string> { "force" });
                    if (parsed.Positional.Count != 1)
                    {
                        throw new OperatorException(OperatorException.Usage, "restore takes exactly one backup folder.");
                    }

                    var settings = OperatorSettings.Load(parsed);
                    await new BackupRestorer(settings.Paths, time, output).RestoreAsync(settings.Resolve(parsed.Positional[0]), parsed.Force, cancellationToken);
                    return 0;
                }

                case "audit":
                {
                    var parsed = VerbArguments.Parse(args[1..], new HashSet<string>());
                    if (parsed.Positional is not ["verify"])
                    {
                        throw new OperatorException(OperatorException.Usage, "audit takes one subcommand: verify.");
                    }

                    return await VerifyAuditAsync(OperatorSettings.Load(parsed), output, cancellationToken);
                }

                case "keys":
                    return await RunKeysAsync(args[1..], output, time, cancellationToken);

                case "subject":
                    return await SubjectVerb.RunAsync(args[1..], output, time, cancellationToken);

                case "retention":
                    return await RetentionCommand.RunAsync(args[1..], output, time, cancellationToken);

                case "archive":
                    return await ArchiveCommand.RunAsync(args[1..], output, time, cancellationToken);

                default:
                    throw new OperatorException(OperatorException.Usage, $"Unknown command {args[0]}.");
            }
        }
        catch (OperatorException e)
        {
            error.WriteLine(e.Message);
            if (e.ExitCode == OperatorException.Usage)
            {
                error.WriteLine(Usage);
            }

            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            error.WriteLine($"{args[0]} failed: {e.Message}");
            error.WriteLine("Nothing was replaced. Fix the cause above (disk space, permissions, paths), then run the command again.");
            return OperatorException.Refused;
        }
    }

    private static async Task<int> VerifyAuditAsync(OperatorSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var database = OperatorDatabase.Existing(settings, "verify");
        var result = await new AuditVerifier(database).VerifyAsync(output, cancellationToken);
        if (result.Intact)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit trail intact: {result.RowsChecked:N0} rows, every hash and link checks out."));
            return 0;
        }

        output.WriteLine($"Audit trail BROKEN at row {result.BrokenRowId}: {result.Problem}.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The {result.RowsChecked:N0} rows before it check out. Compare with a backup to see what changed."));
        return OperatorException.Refused;
    }

    private static async Task<int> RunKeysAsync(string[] args, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = VerbArguments.Parse(args, new HashSet<string> { "name", "role", "workspaces", "expires" });
        switch (parsed.Positional)
        {
            case ["create"]:
            {
                var request = KeyRequest.Parse(parsed.Options, time.GetUtcNow());
                var keys = new OperatorKeys(OperatorDatabase.Existing(OperatorSettings.Load(parsed), "add a key to"), time, output);
                await keys.CreateAsync(request, cancellationToken);
                return 0;
            }

            case ["list"] when parsed.Options.Count == 0:
                await new OperatorKeys(OperatorDatabase.Existing(OperatorSettings.Load(parsed), "list"), time, output).ListAsync(cancellationToken);
                return 0;

            case ["revoke", var idText] when parsed.Options.Count == 0:
            {
                if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    throw new OperatorException(OperatorException.Usage, $"keys revoke takes a key Id (a number from 'keys list'), not {idText}.");
                }

                await new OperatorKeys(OperatorDatabase.Existing(OperatorSettings.Load(parsed), "revoke"), time, output).RevokeAsync(id, cancellationToken);
                return 0;
            }

            case ["list" or "revoke", ..]:
                throw new OperatorException(OperatorException.Usage, "keys list takes nothing more; keys revoke takes exactly one key Id.");

            default:
                throw new OperatorException(OperatorException.Usage, "keys takes one subcommand: create, list or revoke <id>.");
        }
    }
}
