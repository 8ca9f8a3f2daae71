namespace Engage.OData.Tests.Differential;

/// <summary>One <c>$orderby</c> term.</summary>
internal sealed record OrderKey(ValueExpression Value, bool Descending, bool ExplicitAscending)
{
    public string Text => Value.Text + (Descending ? " desc" : ExplicitAscending ? " asc" : string.Empty);
}
