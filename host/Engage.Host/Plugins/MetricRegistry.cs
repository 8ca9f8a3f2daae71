using Engage.Host.Store;
using Engage.Sdk.Metrics;
using Microsoft.Data.Sqlite;

namespace Engage.Host.Plugins;

/// <summary>Publishes the metric definitions of the loaded calculators in the <c>Metrics</c> table.</summary>
internal static class MetricRegistry
{
    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction,
        IEnumerable<(LoadedPlugin Plugin, IMetricCalculator Calculator)> calculators, CancellationToken cancellationToken)
    {
        foreach (var (_, calculator) in calculators)
        {
            var info = calculator.Info;
            foreach (var metric in info.Metrics)
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO Metrics (Name, Description, Formula, Unit, Calculator, Version) VALUES (@n, @d, @f, @u, @c, @v)
                        ON CONFLICT (Name) DO UPDATE SET Description = @d, Formula = @f, Unit = @u, Calculator = @c, Version = @v
                        """, transaction)
                    .With("@n", metric.Name).With("@d", metric.Description).With("@f", metric.Formula)
                    .With("@u", metric.Unit).With("@c", info.Name).With("@v", info.Version);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
