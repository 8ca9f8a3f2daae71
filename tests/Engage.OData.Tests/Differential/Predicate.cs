namespace Engage.OData.Tests.Differential;

/// <summary>
/// A generated <c>$filter</c> expression and its evaluation. <see cref="Precedence"/> (or 1, and 2,
/// anything tighter 3) lets parents drop parentheses only where OData's grammar keeps the meaning.
/// </summary>
internal sealed record Predicate(string Text, Func<SampleRow, bool> Evaluate, int Precedence = Predicate.Atomic)
{
    public const int OrLevel = 1;
    public const int AndLevel = 2;
    public const int Atomic = 3;
}
