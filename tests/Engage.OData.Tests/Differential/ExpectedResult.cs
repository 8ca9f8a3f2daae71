namespace Engage.OData.Tests.Differential;

/// <summary>What the evaluator says the engine must answer: the rows in order, their columns, and the count before paging.</summary>
internal sealed record ExpectedResult(IReadOnlyList<SampleRow> Rows, IReadOnlyList<SampleProperty> Columns, long Count);
