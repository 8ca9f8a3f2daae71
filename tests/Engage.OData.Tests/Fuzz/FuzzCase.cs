namespace Engage.OData.Tests.Fuzz;

/// <summary>One hostile request: the raw request target and extra headers, with the family it came from.</summary>
internal sealed record FuzzCase(string Family, string Target, IReadOnlyList<(string Name, string Value)> Headers)
{
    public override string ToString() =>
        $"[{Family}] GET {(Target.Length > 400 ? Target[..400] + $"... ({Target.Length} chars)" : Target)}"
        + string.Concat(Headers.Select(h => $" | {h.Name}: {h.Value}"));
}
