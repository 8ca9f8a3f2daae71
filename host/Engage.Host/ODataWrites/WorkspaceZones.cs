using System.Data.Common;
using Engage.Host.Store;

namespace Engage.Host.ODataWrites;

/// <summary>The time zone of a workspace, for the <c>…Date</c>/<c>…On</c> columns derived from timestamps.</summary>
internal static class WorkspaceZones
{
    public static async Task<TimeZoneInfo> FindAsync(DbConnection connection, DbTransaction transaction, long workspaceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT TimeZone FROM Workspaces WHERE Id = @w";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@w";
        parameter.Value = workspaceId;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? TimeZones.FindOrUtc(id) : TimeZoneInfo.Utc;
    }
}
