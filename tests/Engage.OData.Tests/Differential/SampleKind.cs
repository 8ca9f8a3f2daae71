namespace Engage.OData.Tests.Differential;

/// <summary>The value kinds of the differential data set, as the evaluator compares them.</summary>
internal enum SampleKind
{
    String,
    Int32,
    Int64,
    Double,
    Decimal,
    Boolean,
    Date,
    DateTimeOffset,
}
