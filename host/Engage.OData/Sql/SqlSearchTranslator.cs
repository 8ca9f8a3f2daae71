using Engage.OData.Binding;
using Engage.OData.Errors;
using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>
/// <c>$search</c>: a term (a word or a quoted phrase) matches an entity when one of the set's searchable
/// text columns contains it, case-insensitively; terms combine with AND (also implicit), OR and NOT.
/// Each term is one parameter; the predicate is two-valued (a null column contains nothing).
/// </summary>
internal sealed class SqlSearchTranslator(EntitySetBinding entitySet, ISqlDialect dialect, SqlParameterList parameters, int maxDepth)
{
    private int _depth;

    public string Translate(SearchClause clause)
    {
        if (entitySet.SearchProperties.Count == 0)
        {
            throw ODataRequestException.BadRequest($"The entity set '{entitySet.Name}' has no searchable properties.");
        }

        return Translate(clause.Expression);
    }

    private string Translate(SingleValueNode node)
    {
        if (++_depth > maxDepth)
        {
            throw ODataRequestException.BadRequest($"The search expression is nested too deeply (the limit is {maxDepth}).");
        }

        try
        {
            return node switch
            {
                SearchTermNode term => Term(term.Text),
                BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => $"({Translate(and.Left)} AND {Translate(and.Right)})",
                BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => $"({Translate(or.Left)} OR {Translate(or.Right)})",
                UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => $"(NOT {Translate(not.Operand)})",
                _ => throw ODataRequestException.BadRequest("The search expression could not be understood."),
            };
        }
        finally
        {
            _depth--;
        }
    }

    private string Term(string text)
    {
        var parameter = parameters.Add(text);
        var matches = entitySet.SearchProperties.Select(p =>
        {
            var match = dialect.Functions.SearchMatch(p.QuotedColumn, parameter);
            return p.IsNullable ? $"({p.QuotedColumn} IS NOT NULL AND {match})" : match;
        });
        return "(" + string.Join(" OR ", matches) + ")";
    }
}
