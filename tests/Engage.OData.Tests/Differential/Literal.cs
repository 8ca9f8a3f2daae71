namespace Engage.OData.Tests.Differential;

/// <summary>A literal as written in the URL (before percent-encoding) and the value the evaluator compares.</summary>
internal sealed record Literal(string Text, object? Value)
{
    public static Literal Null { get; } = new("null", null);
}
