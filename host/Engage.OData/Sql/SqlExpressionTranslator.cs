using Engage.OData.Errors;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Engage.OData.Sql;

/// <summary>
/// The one visitor from ODataUriParser's semantic tree to SQL. Every literal becomes a parameter;
/// identifiers come only from the bindings. Comparisons follow OData's two-valued semantics:
/// <c>null eq null</c> is true, and <c>gt/ge/lt/le</c> with a null operand are false.
/// </summary>
internal sealed class SqlExpressionTranslator(SqlTranslationContext context) : QueryNodeVisitor<SqlFragment>
{
    private readonly ISqlDialect _dialect = context.Dialect;
    private readonly SqlPathScope _paths = new(context);
    private int _depth;

    /// <summary>Translates a boolean expression ($filter) into a predicate that is never NULL.</summary>
    public string TranslatePredicate(SingleValueNode node) => AsPredicate(Translate(node));

    /// <summary>Translates a value expression ($orderby).</summary>
    public string TranslateValue(SingleValueNode node) => Translate(node).Sql;

    /// <summary>Translates a value expression and keeps its EDM kind and nullability.</summary>
    public SqlFragment TranslateFragment(SingleValueNode node) => Translate(node);

    public override SqlFragment Visit(BinaryOperatorNode nodeIn) => nodeIn.OperatorKind switch
    {
        BinaryOperatorKind.And => SqlFragment.Predicate($"({AsPredicate(Translate(nodeIn.Left))} AND {AsPredicate(Translate(nodeIn.Right))})"),
        BinaryOperatorKind.Or => SqlFragment.Predicate($"({AsPredicate(Translate(nodeIn.Left))} OR {AsPredicate(Translate(nodeIn.Right))})"),
        BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual or BinaryOperatorKind.GreaterThan
            or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan
            or BinaryOperatorKind.LessThanOrEqual => SqlComparison.Build(_dialect, nodeIn.OperatorKind, Translate(nodeIn.Left), Translate(nodeIn.Right)),
        BinaryOperatorKind.Has => throw ODataRequestException.NotImplemented("The 'has' operator is not supported yet."),
        _ => SqlArithmetic.Binary(_dialect, nodeIn, Translate(nodeIn.Left), Translate(nodeIn.Right)),
    };

    public override SqlFragment Visit(UnaryOperatorNode nodeIn) => nodeIn.OperatorKind switch
    {
        UnaryOperatorKind.Not => SqlFragment.Predicate($"(NOT {AsPredicate(Translate(nodeIn.Operand))})"),
        _ => SqlArithmetic.Negate(Translate(nodeIn.Operand)),
    };

    public override SqlFragment Visit(ConstantNode nodeIn) =>
        nodeIn.Value is null ? SqlFragment.Null : Constant(nodeIn.Value, EdmKinds.Of(nodeIn.TypeReference, nodeIn.Value));

    public override SqlFragment Visit(ConvertNode nodeIn)
    {
        var target = EdmKinds.Of(nodeIn.TypeReference, null);
        if (ResolveConstant(nodeIn.Source) is { } constant)
        {
            return constant.Value is null ? SqlFragment.Null : Constant(constant.Value, target);
        }

        var inner = Translate(nodeIn.Source);
        if (inner.IsNullLiteral || inner.Kind == target || (EdmKinds.IsNumeric(inner.Kind) && EdmKinds.IsNumeric(target)))
        {
            // ODL converts an untyped alias ($apply, $compute) to the other operand's type: never narrow a fraction to an integer.
            var narrowing = EdmKinds.IsInteger(target) && !EdmKinds.IsInteger(inner.Kind);
            return inner with { Kind = inner.IsNullLiteral || narrowing ? inner.Kind : target };
        }

        if (inner.Kind == EdmPrimitiveTypeKind.Date && target == EdmPrimitiveTypeKind.DateTimeOffset)
        {
            return SqlFragment.Value(_dialect.DateToDateTimeOffset(inner.Sql), target, inner.CanBeNull);
        }

        throw ODataRequestException.NotImplemented($"Converting Edm.{inner.Kind} to Edm.{target} is not supported yet.");
    }

    public override SqlFragment Visit(SingleValuePropertyAccessNode nodeIn) =>
        context.Columns is { } columns ? columns(nodeIn) : _paths.Property(nodeIn.Source, nodeIn.Property);

    // ODL 7.7.2 binds a $compute alias in $filter/$orderby as an open property.
    public override SqlFragment Visit(SingleValueOpenPropertyAccessNode nodeIn)
    {
        if (context.Columns is { } columns)
        {
            return columns(nodeIn);
        }

        var computed = context.Computed.FirstOrDefault(c => string.Equals(c.Alias, nodeIn.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw ODataRequestException.BadRequest($"The property '{nodeIn.Name}' is not declared.");
        return Translate(computed.Expression) with { Kind = computed.Kind };
    }

    public override SqlFragment Visit(ParameterAliasNode nodeIn) =>
        context.ParameterAliases is not null && context.ParameterAliases.TryGetValue(nodeIn.Alias, out var value) && value is not null
            ? Translate(value)
            : SqlFragment.Null;

    public override SqlFragment Visit(InNode nodeIn)
    {
        var left = Translate(nodeIn.Left);
        if (nodeIn.Right is not CollectionConstantNode list)
        {
            throw ODataRequestException.NotImplemented("The 'in' operator is supported only with a list of literals.");
        }

        var hasNull = false;
        var placeholders = new List<string>();
        foreach (var item in list.Collection)
        {
            if (item.Value is null)
            {
                hasNull = true;
            }
            else
            {
                placeholders.Add(Constant(item.Value, left.IsNullLiteral ? EdmKinds.Of(item.TypeReference, item.Value) : left.Kind).Sql);
            }
        }

        if (left.IsNullLiteral)
        {
            return SqlFragment.Predicate(hasNull ? _dialect.TruePredicate : _dialect.FalsePredicate);
        }

        var inList = placeholders.Count == 0
            ? _dialect.FalsePredicate
            : left.CanBeNull
                ? $"({left.Sql} IS NOT NULL AND {left.Sql} IN ({string.Join(", ", placeholders)}))"
                : $"({left.Sql} IN ({string.Join(", ", placeholders)}))";
        return SqlFragment.Predicate(hasNull ? $"({left.Sql} IS NULL OR {inList})" : inList);
    }

    public override SqlFragment Visit(SingleValueFunctionCallNode nodeIn) => new SqlFunctionTranslator(context, Translate).Translate(nodeIn);

    public override SqlFragment Visit(AnyNode nodeIn) => _paths.Lambda(nodeIn, all: false, TranslatePredicate);

    public override SqlFragment Visit(AllNode nodeIn) => _paths.Lambda(nodeIn, all: true, TranslatePredicate);

    public override SqlFragment Visit(CountNode nodeIn) => _paths.Count(nodeIn);

    private SqlFragment Translate(QueryNode node)
    {
        if (++_depth > context.MaxDepth)
        {
            throw ODataRequestException.BadRequest($"The expression is nested too deeply (the limit is {context.MaxDepth}).");
        }

        try
        {
            return node.Accept(this);
        }
        catch (NotImplementedException)
        {
            throw ODataRequestException.NotImplemented($"Expressions of kind '{node.Kind}' are not supported yet.");
        }
        finally
        {
            _depth--;
        }
    }

    private string AsPredicate(SqlFragment fragment)
    {
        if (fragment.IsPredicate)
        {
            return fragment.Sql;
        }

        if (fragment.IsNullLiteral)
        {
            return _dialect.FalsePredicate;
        }

        return fragment.Kind == EdmPrimitiveTypeKind.Boolean
            ? _dialect.IsTrue(fragment.Sql)
            : throw ODataRequestException.BadRequest("A boolean expression was expected.");
    }

    private SqlFragment Constant(object value, EdmPrimitiveTypeKind kind)
    {
        if (value is ODataEnumValue)
        {
            throw ODataRequestException.NotImplemented("Enumeration literals are not supported yet.");
        }

        var stored = _dialect.ToStorageValue(LiteralConverter.Convert(value, kind), kind);
        return SqlFragment.Value(context.Parameters.Add(stored), kind, canBeNull: false);
    }

    private ConstantNode? ResolveConstant(SingleValueNode node)
    {
        for (var depth = 0; depth < context.MaxDepth; depth++)
        {
            switch (node)
            {
                case ConstantNode constant:
                    return constant;
                case ConvertNode convert:
                    node = convert.Source;
                    break;
                case ParameterAliasNode alias:
                    if (context.ParameterAliases is null || !context.ParameterAliases.TryGetValue(alias.Alias, out var value) || value is null)
                    {
                        return new ConstantNode(null, "null");
                    }

                    node = value;
                    break;
                default:
                    return null;
            }
        }

        throw ODataRequestException.BadRequest("The expression is nested too deeply.");
    }
}
