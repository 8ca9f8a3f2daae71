namespace Engage.OData.Json;

/// <summary>The control information written before a feed's rows.</summary>
internal sealed record FeedHeader(string? Context, long? Count, bool Ieee754Compatible);
