using Microsoft.OData.UriParser;

namespace Engage.OData.Apply;

/// <summary>
/// The size of an expression once its aliases are inlined: each alias counts the size of its own expression. Aliases
/// that reuse aliases (<c>compute(X add X as Y)/compute(Y add Y as Z)…</c>) grow exponentially; the plan refuses an
/// expression past a limit before translating it.
/// </summary>
internal static class ApplyExpressionSize
{
    public static long Of(QueryNode node, Func<string, long> aliasSize, IDictionary<string, SingleValueNode>? parameterAliases, int depth = 0)
    {
        if (depth > 1_000)
        {
            return long.MaxValue / 4;
        }

        long Of(QueryNode child) => ApplyExpressionSize.Of(child, aliasSize, parameterAliases, depth + 1);

        var size = node switch
        {
            SingleValueOpenPropertyAccessNode open => aliasSize(open.Name),
            ConvertNode convert => 1 + Of(convert.Source),
            BinaryOperatorNode binary => 1 + Of(binary.Left) + Of(binary.Right),
            UnaryOperatorNode unary => 1 + Of(unary.Operand),
            InNode @in => 1 + Of(@in.Left) + Of(@in.Right),
            SingleValueFunctionCallNode function => 1 + function.Parameters.Sum(Of),
            LambdaNode lambda => 1 + (lambda.Body is null ? 0 : Of(lambda.Body)),
            ParameterAliasNode alias when parameterAliases is not null && parameterAliases.TryGetValue(alias.Alias, out var value) && value is not null
                => 1 + Of(value),
            _ => 1,
        };
        return Math.Min(size, long.MaxValue / 4);
    }
}
