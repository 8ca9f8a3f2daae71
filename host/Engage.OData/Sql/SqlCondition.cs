namespace Engage.OData.Sql;

/// <summary>
/// A SQL predicate over the columns of one table, with its named parameters (for example
/// <c>"workspace_id IN (@ws0, @ws1)"</c>). The host supplies it per request as a row scope; the engine
/// ANDs it into every statement it runs for that entity set. Parameter names must not start with
/// <c>@_p</c>, which the engine reserves for its own parameters.
/// </summary>
internal sealed class SqlCondition
{
    public SqlCondition(string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        Sql = sql;
        var normalized = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            var full = name[0] is '@' or ':' or '$' ? name : "@" + name;
            if (full.StartsWith(SqlParameterList.EnginePrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Row-scope parameter '{full}' uses the prefix '{SqlParameterList.EnginePrefix}' reserved by the OData engine.",
                    nameof(parameters));
            }

            normalized[full] = value;
        }

        Parameters = normalized;
    }

    /// <summary>The predicate text; it is wrapped in parentheses when combined.</summary>
    public string Sql { get; }

    /// <summary>Parameter name (with its prefix, e.g. <c>@ws0</c>) to value.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }
}
