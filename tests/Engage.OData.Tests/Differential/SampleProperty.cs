namespace Engage.OData.Tests.Differential;

/// <summary>
/// A property of <c>Samples</c>: its EDM name, SQL column, kind, nullability and how the evaluator reads it
/// from a row (decimals as the double the engine stores, dates as <see cref="DateOnly"/>).
/// </summary>
internal sealed record SampleProperty(string Name, string Column, SampleKind Kind, bool Nullable, Func<SampleRow, object?> Get);
