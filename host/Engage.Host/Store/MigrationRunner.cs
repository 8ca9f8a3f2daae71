using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Store;

/// <summary>
/// Applies the embedded <c>Store/Migrations/MigrationNNNN*.sql</c> scripts in order, each in its own
/// transaction, and records the schema version in <c>PRAGMA user_version</c>.
/// </summary>
internal sealed class MigrationRunner(ILogger logger)
{
    private const string Prefix = "Engage.Host.Store.Migrations.Migration";

    public static IReadOnlyList<(int Version, string Name)> Available { get; } = Discover();

    public static int LatestVersion => Available.Count == 0 ? 0 : Available[^1].Version;

    public async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var current = await GetVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this Engage build knows ({LatestVersion}). " +
                "Run a newer Engage, or restore a backup made by this version.");
        }

        foreach (var (version, name) in Available.Where(m => m.Version > current))
        {
            var sql = ReadScript(name);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql + $"\nPRAGMA user_version = {version};";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied database migration {Version} ({Name})", version, name);
        }
    }

    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<(int, string)> Discover() =>
        typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(n.AsSpan(Prefix.Length, 4), System.Globalization.CultureInfo.InvariantCulture), n))
            .OrderBy(m => m.Item1)
            .ToList();

    private static string ReadScript(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration script {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
