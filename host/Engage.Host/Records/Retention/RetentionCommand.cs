using System.Globalization;
using Engage.Host.Operator;
using Engage.Host.Security;
using Engage.Host.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Records.Retention;

/// <summary>
/// <c>retention run</c>: one retention pass now (the server may run), printing for each workspace what it purged,
/// or why nothing (no period, legal hold). Audit rows name the operator, as the other verbs do.
/// </summary>
internal static class RetentionCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = VerbArguments.Parse(args, new HashSet<string>());
        if (parsed.Positional is not ["run"])
        {
            throw new OperatorException(OperatorException.Usage, "retention takes one subcommand: run.");
        }

        var database = OperatorDatabase.Existing(OperatorSettings.Load(parsed), "purge");
        var purger = new RetentionPurger(database, time, new RetentionOptions().BatchSize, NullLogger.Instance);
        var results = await purger.RunAsync(OperatorKeys.Actor, cancellationToken);
        foreach (var result in results)
        {
            output.WriteLine(Describe(result));
        }

        var total = results.Sum(r => r.Purged);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Retention pass done: {total:N0} interaction texts purged in {results.Count(r => r.Purged > 0)} of {results.Count} workspaces."));
        return 0;
    }

    private static string Describe(WorkspacePurge result) => result.Outcome switch
    {
        PurgeOutcome.NoPeriod => $"Workspace {result.WorkspaceId} ({result.Name}): no retention period, text kept.",
        PurgeOutcome.LegalHold => string.Create(CultureInfo.InvariantCulture,
            $"Workspace {result.WorkspaceId} ({result.Name}): under legal hold, retention suspended ({result.Purged:N0} purged before the hold)."),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"Workspace {result.WorkspaceId} ({result.Name}): purged the text of {result.Purged:N0} interactions created before {DbTime.Format(result.Cutoff)} (retention {result.RetentionDays} days)."),
    };
}
