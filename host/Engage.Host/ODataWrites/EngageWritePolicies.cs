using Engage.Host.Sync;
using Engage.OData.Writes;

namespace Engage.Host.ODataWrites;

/// <summary>The write policies of the OData service: the shapes of <see cref="EditableSets"/> with their validation and server hooks.</summary>
internal static class EngageWritePolicies
{
    public static IReadOnlyDictionary<string, WritePolicy> Create(TimeProvider time, ConnectionSetup connections)
    {
        var shapes = EditableSets.Shapes;
        return new Dictionary<string, WritePolicy>(StringComparer.Ordinal)
        {
            ["Workspaces"] = new WorkspaceWrites(time).Policy(shapes["Workspaces"]),
            ["Connections"] = new ConnectionWrites(connections).Policy(shapes["Connections"]),
            ["ListeningQueries"] = new ListeningQueryWrites().Policy(shapes["ListeningQueries"]),
            ["Moments"] = new MomentWrites().Policy(shapes["Moments"]),
            ["Publications"] = new PublicationWrites(time).Policy(shapes["Publications"]),
            ["Contacts"] = new ContactWrites().Policy(shapes["Contacts"]),
            ["Interactions"] = new InteractionWrites().Policy(shapes["Interactions"]),
            ["ApiKeys"] = new ApiKeyWrites(time).Policy(shapes["ApiKeys"]),
        };
    }
}
