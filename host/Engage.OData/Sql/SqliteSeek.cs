namespace Engage.OData.Sql;

/// <summary>
/// SQLite's keyset predicate. SQLite sorts NULL first ascending and last descending, so "after v" is
/// <c>c &gt; v</c> ascending (NULLs never follow a value) and <c>(c &lt; v OR c IS NULL)</c> descending on a
/// nullable column; nothing follows NULL descending, everything not NULL follows it ascending. When every term
/// sorts the same way and no NULL can interfere, one row-value comparison <c>(a, b) &gt; (@a, @b)</c> says the
/// same and lets SQLite seek an index; otherwise the terms are nested lexicographically behind a range bound on
/// the first column (<c>a &gt;= @a AND (…)</c>) that an index on it can serve.
/// </summary>
internal static class SqliteSeek
{
    public static string Predicate(IReadOnlyList<SeekTerm> terms, string falsePredicate)
    {
        if (terms.Count == 0)
        {
            throw new ArgumentException("A seek needs at least one term.", nameof(terms));
        }

        if (terms.Count > 1 && terms.All(t => t.Value is not null)
            && (terms.All(t => !t.Descending) || terms.All(t => t.Descending && !t.Nullable)))
        {
            var columns = string.Join(", ", terms.Select(t => t.Column));
            var values = string.Join(", ", terms.Select(t => t.Value));
            return $"(({columns}) {(terms[0].Descending ? "<" : ">")} ({values}))";
        }

        var predicate = After(terms[^1]);
        for (var i = terms.Count - 2; i >= 0; i--)
        {
            var tied = predicate is null ? null : $"({Same(terms[i])} AND {predicate})";
            var after = After(terms[i]);
            predicate = after is null ? tied : tied is null ? after : $"({after} OR {tied})";
        }

        if (predicate is null)
        {
            return falsePredicate;
        }

        return terms.Count > 1 && Bound(terms[0]) is { } bound ? $"({bound} AND {predicate})" : predicate;
    }

    private static string? After(SeekTerm term) => (term.Descending, term.Value) switch
    {
        (false, null) => $"({term.Column} IS NOT NULL)",
        (false, { } value) => $"({term.Column} > {value})",
        (true, null) => null,
        (true, { } value) => term.Nullable ? $"({term.Column} < {value} OR {term.Column} IS NULL)" : $"({term.Column} < {value})",
    };

    private static string Same(SeekTerm term) => term.Value is { } value ? $"{term.Column} = {value}" : $"{term.Column} IS NULL";

    private static string? Bound(SeekTerm term) => term switch
    {
        { Value: null } => null,
        { Descending: false } => $"{term.Column} >= {term.Value}",
        { Nullable: false } => $"{term.Column} <= {term.Value}",
        _ => null,
    };
}
