using System.Data.Common;
using Engage.OData.Binding;
using Microsoft.AspNetCore.Http;

namespace Engage.OData.Writes;

/// <summary>
/// One write as the host's hooks see it, inside the write's transaction. Values are in their canonical CLR
/// types: integers <see cref="long"/>, Double <see cref="double"/>, Decimal <see cref="decimal"/>, Boolean
/// <see cref="bool"/>, String, Date <see cref="Microsoft.OData.Edm.Date"/>, DateTimeOffset, Guid; null for null.
/// </summary>
internal sealed class WriteContext
{
    private readonly EntitySetBinding _set;
    private readonly Dictionary<string, object?> _changes;
    private readonly Dictionary<string, object?> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _responseValues = new(StringComparer.Ordinal);
    private readonly WriteProblems _problems;

    internal WriteContext(
        WriteOperation operation, EntitySetBinding set, object? key, IReadOnlyDictionary<string, object?> current,
        Dictionary<string, object?> changes, DbConnection connection, DbTransaction transaction, HttpContext httpContext, WriteProblems problems)
    {
        Operation = operation;
        _set = set;
        Key = key;
        Current = current;
        _changes = changes;
        Connection = connection;
        Transaction = transaction;
        HttpContext = httpContext;
        _problems = problems;
    }

    public WriteOperation Operation { get; }

    public string EntitySet => _set.Name;

    /// <summary>The name of the set's key property.</summary>
    internal string KeyProperty => _set.Key.Name;

    /// <summary>The addressed key (update, delete); null on insert.</summary>
    public object? Key { get; }

    /// <summary>The row as stored before the change (update, delete); empty on insert.</summary>
    public IReadOnlyDictionary<string, object?> Current { get; }

    /// <summary>The property values the request sets (plus server values set so far).</summary>
    public IReadOnlyDictionary<string, object?> Changes => _changes;

    /// <summary>Unmapped columns set by <see cref="SetColumn"/>.</summary>
    internal IReadOnlyDictionary<string, object?> Columns => _columns;

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public HttpContext HttpContext { get; }

    /// <summary>Whether the request (or a server value) sets <paramref name="property"/>.</summary>
    public bool Has(string property) => _changes.ContainsKey(property);

    /// <summary>The value after the change: the new one if set, else the stored one (null on insert).</summary>
    public object? Get(string property) => _changes.TryGetValue(property, out var value) ? value : Current.GetValueOrDefault(property);

    /// <summary>Sets a property the client may not set (a timestamp, a derived date, the row's scope column).</summary>
    public void SetServerValue(string property, object? value)
    {
        if (_set.Properties.All(p => p.Name != property))
        {
            throw new InvalidOperationException($"'{property}' is not a property of '{_set.Name}'.");
        }

        _changes[property] = value;
    }

    /// <summary>Sets a column that is not an EDM property (for example an internal key); the value is bound as given.</summary>
    public void SetColumn(string column, object? value) => _columns[column] = value;

    /// <summary>
    /// Shows <paramref name="value"/> as <paramref name="property"/> in this response only: it is never stored, never
    /// seen by the <see cref="ChangeHook"/>, and every read shows what the store holds (for example a new key's secret
    /// over a column that is always null).
    /// </summary>
    public void SetResponseValue(string property, object? value)
    {
        if (_set.Properties.All(p => p.Name != property))
        {
            throw new InvalidOperationException($"'{property}' is not a property of '{_set.Name}'.");
        }

        _responseValues[property] = value;
    }

    /// <summary>Values set by <see cref="SetResponseValue"/>.</summary>
    internal IReadOnlyDictionary<string, object?> ResponseValues => _responseValues;

    /// <summary>Reports an invalid value; the request answers 400 with <paramref name="property"/> as the target.</summary>
    public void AddError(string property, string message) => _problems.AddError(property, message);

    /// <summary>Refuses the change because of the state of the data; the request answers 409.</summary>
    public void Conflict(string message) => _problems.Conflict(message);

    /// <summary>Refuses the change because the caller may not make it (a role rule on the values); the request answers 403.</summary>
    public void Forbid(string message) => _problems.Forbid(message);

    internal void ThrowIfProblems() => _problems.ThrowIfAny();
}
