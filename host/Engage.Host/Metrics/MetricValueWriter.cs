using Engage.Host.Store;
using Engage.Sdk.Data;
using Engage.Sdk.Metrics;

namespace Engage.Host.Metrics;

/// <summary>Replaces one calculator's values for a range in one transaction.</summary>
internal static class MetricValueWriter
{
    public static async Task ReplaceAsync(EngageDatabase database, long workspaceId, MetricCalculatorInfo info, DateRange range,
        IReadOnlyList<MetricValueItem> values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var delete = connection.Command(
                "DELETE FROM MetricValues WHERE WorkspaceId = @w AND Calculator = @c AND Date BETWEEN @from AND @to", transaction)
            .With("@w", workspaceId).With("@c", info.Name).With("@from", DbTime.Format(range.From)).With("@to", DbTime.Format(range.To)))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = connection.Command(
            """
            INSERT INTO MetricValues (WorkspaceId, Metric, AccountId, Network, Period, Date, Value, Numerator, Denominator, Calculator, CalculatorVersion, ComputedAt)
            VALUES (@w, @m, @a, @n, @p, @d, @v, @num, @den, @c, @cv, @at)
            """, transaction);
        var parameters = new[] { "@w", "@m", "@a", "@n", "@p", "@d", "@v", "@num", "@den", "@c", "@cv", "@at" }
            .ToDictionary(n => n, n =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = n;
                insert.Parameters.Add(parameter);
                return parameter;
            });
        var computedAt = DbTime.Format(now);
        foreach (var value in values)
        {
            parameters["@w"].Value = workspaceId;
            parameters["@m"].Value = value.Metric;
            parameters["@a"].Value = (object?)value.AccountId ?? DBNull.Value;
            parameters["@n"].Value = (object?)value.Network ?? DBNull.Value;
            parameters["@p"].Value = value.Period.ToString();
            parameters["@d"].Value = DbTime.Format(value.Date);
            parameters["@v"].Value = value.Value;
            parameters["@num"].Value = (object?)value.Numerator ?? DBNull.Value;
            parameters["@den"].Value = (object?)value.Denominator ?? DBNull.Value;
            parameters["@c"].Value = info.Name;
            parameters["@cv"].Value = info.Version;
            parameters["@at"].Value = computedAt;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
