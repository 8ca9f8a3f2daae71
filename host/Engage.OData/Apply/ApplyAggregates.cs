using Engage.OData.Errors;
using Engage.OData.Sql;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace Engage.OData.Apply;

/// <summary>
/// One <c>aggregate</c> expression as SQL: <c>$count</c> is <c>COUNT(*)</c> (Edm.Int64, as ODL types it);
/// <c>sum</c> keeps the input type (integers as Edm.Int64); <c>average</c> is Edm.Decimal on decimals and
/// Edm.Double otherwise; <c>min</c>/<c>max</c> keep the input type; <c>countdistinct</c> counts distinct non-null
/// values (Edm.Int64). Every method but <c>$count</c> is null over no values.
/// </summary>
internal static class ApplyAggregates
{
    public static (string Sql, EdmPrimitiveTypeKind Kind, bool CanBeNull) Translate(
        AggregateExpression expression, bool overEntities, Func<SingleValueNode, SqlFragment> translate, ISqlFunctions functions)
    {
        if (expression.Method == AggregationMethod.VirtualPropertyCount)
        {
            return ("COUNT(*)", EdmPrimitiveTypeKind.Int64, false);
        }

        if (expression.Method == AggregationMethod.Custom)
        {
            throw ODataRequestException.NotImplemented(
                $"The custom aggregation method '{expression.MethodDefinition?.MethodLabel}' is not supported; use sum, average, min, max or countdistinct.");
        }

        if (overEntities && expression.Method is AggregationMethod.Sum or AggregationMethod.Average
            && expression.Expression is SingleValuePropertyAccessNode { Source: SingleNavigationNode })
        {
            // The standard counts each related entity once; a per-row SUM would count a post once per interaction.
            throw ODataRequestException.NotImplemented(
                $"'{expression.Alias}': sum and average along a navigation path are not supported yet; group by the path instead.");
        }

        var value = translate(expression.Expression);
        if (value.IsNullLiteral)
        {
            throw ODataRequestException.BadRequest($"'{expression.Alias}': null cannot be aggregated.");
        }

        switch (expression.Method)
        {
            case AggregationMethod.Sum:
                RequireNumber(expression, value, "sum");
                var integers = EdmKinds.IsInteger(value.Kind);
                return (functions.Sum(value.Sql, integers), integers ? EdmPrimitiveTypeKind.Int64 : value.Kind, true);
            case AggregationMethod.Average:
                RequireNumber(expression, value, "average");
                return ($"AVG({value.Sql})", value.Kind == EdmPrimitiveTypeKind.Decimal ? EdmPrimitiveTypeKind.Decimal : EdmPrimitiveTypeKind.Double, true);
            case AggregationMethod.Min:
                return ($"MIN({value.Sql})", value.Kind, true);
            case AggregationMethod.Max:
                return ($"MAX({value.Sql})", value.Kind, true);
            case AggregationMethod.CountDistinct:
                return ($"COUNT(DISTINCT {value.Sql})", EdmPrimitiveTypeKind.Int64, false);
            default:
                throw ODataRequestException.NotImplemented($"The aggregation method '{expression.Method}' is not supported yet.");
        }
    }

    private static void RequireNumber(AggregateExpression expression, SqlFragment value, string method)
    {
        if (!EdmKinds.IsNumeric(value.Kind) || value.IsPredicate)
        {
            throw ODataRequestException.BadRequest($"'{expression.Alias}': {method} applies to numbers, not to Edm.{value.Kind}.");
        }
    }
}
