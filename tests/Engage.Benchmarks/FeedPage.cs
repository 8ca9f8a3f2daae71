namespace Engage.Benchmarks;

/// <summary>What a client needs from one page: how many rows it held and where the next page is.</summary>
internal sealed record FeedPage(long Rows, string? NextLink);
