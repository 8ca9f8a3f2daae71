namespace Engage.Host.Records.Retention;

/// <summary>
/// A workspace's retention period for interaction text: a whole number of days (1 to 36500) or none (kept forever).
/// Text is purged once its interaction's CreatedAt is older than <c>now - RetentionDays</c>.
/// </summary>
internal static class RetentionPeriod
{
    public const long MinDays = 1;
    public const long MaxDays = 36_500;

    public const string Rule = "'RetentionDays' must be a number of days from 1 to 36500, or null to keep interaction text forever.";

    public static bool IsValid(long? days) => days is null or (>= MinDays and <= MaxDays);

    /// <summary>The moment before which text is purged; interactions created exactly at the cutoff keep theirs.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, long days) => now - TimeSpan.FromDays(days);
}
