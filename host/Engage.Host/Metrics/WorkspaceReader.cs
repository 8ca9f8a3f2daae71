using Engage.Host.Store;
using Engage.Sdk.Data;

namespace Engage.Host.Metrics;

/// <summary>Reads a workspace's name and time zone.</summary>
internal static class WorkspaceReader
{
    public static async Task<WorkspaceView?> FindAsync(EngageDatabase database, long workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT Id, Name, TimeZone FROM Workspaces WHERE Id = @id").With("@id", workspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new WorkspaceView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }
}
