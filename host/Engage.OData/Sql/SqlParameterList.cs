namespace Engage.OData.Sql;

/// <summary>The parameters of one statement: the engine's generated ones and the row scope's named ones.</summary>
internal sealed class SqlParameterList
{
    /// <summary>Prefix of every parameter the engine generates; reserved.</summary>
    public const string EnginePrefix = "@_p";

    private readonly List<KeyValuePair<string, object?>> _items;
    private int _next;

    public SqlParameterList()
    {
        _items = [];
    }

    private SqlParameterList(List<KeyValuePair<string, object?>> items, int next)
    {
        _items = items;
        _next = next;
    }

    public IReadOnlyList<KeyValuePair<string, object?>> Items => _items;

    /// <summary>Adds a value and returns the placeholder to write into the SQL text.</summary>
    public string Add(object? value)
    {
        var name = EnginePrefix + _next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _next++;
        _items.Add(new(name, value));
        return name;
    }

    /// <summary>Adds the named parameters of a row-scope condition.</summary>
    public void AddNamed(IReadOnlyDictionary<string, object?> parameters)
    {
        foreach (var parameter in parameters)
        {
            var existing = _items.FindIndex(item => string.Equals(item.Key, parameter.Key, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0 && Equals(_items[existing].Value, parameter.Value))
            {
                // The same scope parameter again (a parent's or a related set's scope in one statement).
                continue;
            }

            if (existing >= 0)
            {
                throw new InvalidOperationException($"SQL parameter '{parameter.Key}' is defined twice.");
            }

            _items.Add(parameter);
        }
    }

    public SqlParameterList Clone() => new([.. _items], _next);
}
