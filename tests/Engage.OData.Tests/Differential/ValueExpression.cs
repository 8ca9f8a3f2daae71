namespace Engage.OData.Tests.Differential;

/// <summary>
/// A value the generator may compare or sort by: its OData text, its kind, whether it can be null, and
/// how the evaluator computes it for a row. Properties are value expressions; so will functions and
/// arithmetic be (register them in <see cref="ValueExpressionCatalog"/>).
/// </summary>
internal sealed record ValueExpression(string Text, SampleKind Kind, bool CanBeNull, Func<SampleRow, object?> Evaluate)
{
    public static ValueExpression Of(SampleProperty property) => new(property.Name, property.Kind, property.Nullable, property.Get);
}
