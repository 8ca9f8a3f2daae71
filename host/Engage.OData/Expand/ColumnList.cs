using Engage.OData.Binding;

namespace Engage.OData.Expand;

/// <summary>The SELECT list of one statement: each column once, the key first, with its ordinal.</summary>
internal sealed class ColumnList
{
    private readonly List<string> _quoted = [];
    private readonly Dictionary<PropertyBinding, int> _ordinals = new(ReferenceEqualityComparer.Instance);

    public ColumnList(PropertyBinding key) => Add(key);

    public IReadOnlyList<string> Quoted => _quoted;

    /// <summary>Takes the slot of a column that is not a property (a computed value) so later ordinals stay right.</summary>
    public void AddOpaque(string expression) => _quoted.Add(expression);

    public int Add(PropertyBinding property)
    {
        if (!_ordinals.TryGetValue(property, out var ordinal))
        {
            ordinal = _quoted.Count;
            _ordinals.Add(property, ordinal);
            _quoted.Add(property.QuotedColumn);
        }

        return ordinal;
    }
}
