namespace Engage.OData.Tests.Differential;

/// <summary>One generated row of the differential data set (entity set <c>Samples</c>).</summary>
internal sealed record SampleRow(
    long Id,
    string Name,
    string? Tag,
    double? Score,
    int Count,
    long? Big,
    bool? Flag,
    bool Active,
    DateOnly? Day,
    DateTimeOffset? At,
    decimal? Price);
