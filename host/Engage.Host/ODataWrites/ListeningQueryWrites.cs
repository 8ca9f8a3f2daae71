using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Listening queries: Name and Terms required, MaxTypos 0..2, Networks a comma-separated list of network ids.
/// A query that already found interactions is kept (409): switch it off with Enabled = false.
/// </summary>
internal sealed class ListeningQueryWrites : WriteRules
{
    public ListeningQueryWrites()
    {
        RequiredText("Name", 200);
        RequiredText("Terms", 2000);
        OptionalText("ExcludedTerms", 2000);
        Integer("MaxTypos").InclusiveBetween(0, 2).WithMessage("'MaxTypos' must be 0, 1 or 2.");
        Text("Networks").Must(v => v is null || v.Split(',').All(n => NetworkPattern().IsMatch(n.Trim())))
            .WithMessage("'Networks' must be a comma-separated list of network ids such as 'mastodon,bluesky', or null for all.");
    }

    public WritePolicy Policy(WritePolicy shape) => shape with { ScopeInsert = WorkspaceAccess.CheckInsertAsync, Validate = CheckAsync };

    private async ValueTask CheckAsync(WriteContext write, CancellationToken cancellationToken)
    {
        if (write.Operation != WriteOperation.Delete)
        {
            await ApplyAsync(write, cancellationToken);
            return;
        }

        var found = await StoreLookups.CountAsync(write, "Interactions", "ListeningQueryId", write.Key!, cancellationToken);
        if (found > 0)
        {
            write.Conflict($"This query found {found} interactions, which keep referring to it; set 'Enabled' to false to stop listening instead.");
        }
    }
}
