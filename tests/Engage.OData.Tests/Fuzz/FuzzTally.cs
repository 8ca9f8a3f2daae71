using System.Text;

namespace Engage.OData.Tests.Fuzz;

/// <summary>Counts the outcomes of a fuzz run and keeps the failures (with the case that caused each).</summary>
internal sealed class FuzzTally
{
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public List<string> Failures { get; } = [];

    public void Count(string outcome)
    {
        Total++;
        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
    }

    public void Fail(FuzzCase fuzzCase, string problem)
    {
        Count("FAILED");
        Failures.Add(problem + " <- " + fuzzCase);
    }

    public int this[string outcome] => _outcomes.GetValueOrDefault(outcome);

    public override string ToString()
    {
        var text = new StringBuilder($"{Total} requests:");
        foreach (var (outcome, count) in _outcomes)
        {
            text.Append(' ').Append(outcome).Append('=').Append(count).Append(';');
        }

        return text.ToString();
    }
}
