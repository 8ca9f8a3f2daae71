using Engage.OData.Sql;

namespace Engage.OData.Apply;

/// <summary>The statements of a <c>$apply</c> request, how its rows are written and how they are paged.</summary>
internal sealed record ApplyPlan
{
    public SqlStatement? Page { get; init; }

    public required SqlStatement Count { get; init; }

    /// <summary>Whether the client asked for <c>$count=true</c>.</summary>
    public bool WithCount { get; init; }

    /// <summary>The properties written on each row, nested along navigation paths.</summary>
    public IReadOnlyList<ApplyOutput> Output { get; init; } = [];

    /// <summary>The <c>Set(…)</c> fragment of the context URL.</summary>
    public string ContextFragment { get; init; } = string.Empty;

    public int RowsToWrite { get; init; }

    public bool CanHaveMore { get; init; }

    public long NextOffset { get; init; }

    public long? RemainingTop { get; init; }

    public int? AppliedMaxPageSize { get; init; }
}
