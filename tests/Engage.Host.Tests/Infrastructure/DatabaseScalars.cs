using Engage.Host.Store;

namespace Engage.Host.Tests.Infrastructure;

/// <summary>One-value queries on a test's database, with named parameters.</summary>
internal static class DatabaseScalars
{
    /// <summary>The first column of the first row (null for SQL NULL or no row).</summary>
    public static async Task<object?> ScalarAsync(this EngageDatabase database, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }
}
