using Engage.OData.Errors;
using Microsoft.OData.UriParser;

namespace Engage.OData.Apply;

/// <summary>
/// Expressions over aggregated rows may use their properties and aliases, literals, operators and functions;
/// lambdas, navigation counts and other entity-only constructs have no meaning there and answer 400.
/// </summary>
internal static class ApplyNodeGuard
{
    public static void Check(QueryNode node, IDictionary<string, SingleValueNode>? aliases, int depth = 0)
    {
        if (depth > 200)
        {
            throw ODataRequestException.BadRequest("The expression is nested too deeply.");
        }

        switch (node)
        {
            case ConstantNode or CollectionConstantNode or SingleValuePropertyAccessNode or SingleValueOpenPropertyAccessNode or CountVirtualPropertyNode:
                return;
            case ConvertNode convert:
                Check(convert.Source, aliases, depth + 1);
                return;
            case BinaryOperatorNode binary:
                Check(binary.Left, aliases, depth + 1);
                Check(binary.Right, aliases, depth + 1);
                return;
            case UnaryOperatorNode unary:
                Check(unary.Operand, aliases, depth + 1);
                return;
            case InNode @in:
                Check(@in.Left, aliases, depth + 1);
                Check(@in.Right, aliases, depth + 1);
                return;
            case SingleValueFunctionCallNode function:
                foreach (var parameter in function.Parameters)
                {
                    Check(parameter, aliases, depth + 1);
                }

                return;
            case ParameterAliasNode alias:
                if (aliases is not null && aliases.TryGetValue(alias.Alias, out var value) && value is not null)
                {
                    Check(value, aliases, depth + 1);
                }

                return;
            default:
                throw ODataRequestException.BadRequest(
                    $"'{node.Kind}' cannot be used on the result of an aggregation; use the grouping properties and aliases.");
        }
    }
}
