using Microsoft.OData.UriParser;

namespace Engage.OData.Apply;

/// <summary>
/// The size (terms) and depth of an expression once its aliases are inlined: an alias counts as its own expression.
/// Aliases that reuse aliases (<c>compute(X add X as Y)/compute(Y add Y as Z)…</c>) grow exponentially in size and add
/// up in depth; the plan refuses an expression past the limits before translating it, so no statement is too large or
/// too deep for the database.
/// </summary>
internal readonly record struct ApplyExpressionSize(long Size, int Depth)
{
    private const long Saturated = long.MaxValue / 4;

    public static ApplyExpressionSize Of(
        QueryNode node, Func<string, ApplyExpressionSize> alias, IDictionary<string, SingleValueNode>? parameterAliases, int depth = 0)
    {
        if (depth > 1_000)
        {
            return new ApplyExpressionSize(Saturated, int.MaxValue / 4);
        }

        ApplyExpressionSize Of(QueryNode child) => ApplyExpressionSize.Of(child, alias, parameterAliases, depth + 1);

        ApplyExpressionSize Node(params QueryNode[] children)
        {
            var measured = children.Select(Of).ToList();
            return new ApplyExpressionSize(
                Math.Min(1 + measured.Sum(m => m.Size), Saturated), 1 + (measured.Count == 0 ? 0 : measured.Max(m => m.Depth)));
        }

        return node switch
        {
            SingleValueOpenPropertyAccessNode open => alias(open.Name),
            ConvertNode convert => Node(convert.Source),
            BinaryOperatorNode binary => Node(binary.Left, binary.Right),
            UnaryOperatorNode unary => Node(unary.Operand),
            InNode @in => Node(@in.Left, @in.Right),
            SingleValueFunctionCallNode function => Node([.. function.Parameters]),
            LambdaNode { Body: { } body } => Node(body),
            ParameterAliasNode parameter when parameterAliases is not null && parameterAliases.TryGetValue(parameter.Alias, out var value) && value is not null
                => Node(value),
            _ => new ApplyExpressionSize(1, 1),
        };
    }
}
