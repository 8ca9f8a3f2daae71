namespace Engage.OData.Tests.Support;

/// <summary>One generated order, as the tests expect to read it back.</summary>
internal sealed record OrderRow(
    long Id,
    long CustomerId,
    string Product,
    string? Note,
    double Amount,
    int Quantity,
    decimal? Price,
    bool Paid,
    DateOnly OrderDate,
    DateTimeOffset? ShippedAt,
    long WorkspaceId);
