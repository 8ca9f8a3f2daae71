namespace Engage.Host.Records.Retention;

/// <summary>The <c>Engage:Retention</c> settings of the background purge of interaction text.</summary>
internal sealed class RetentionOptions
{
    /// <summary>Whether the background job runs at all (the <c>retention run</c> verb works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between two passes; the first pass runs a minute after start.</summary>
    public double IntervalMinutes { get; set; } = 60;

    /// <summary>Rows purged per transaction, so the job never holds SQLite's write lock for long.</summary>
    public int BatchSize { get; set; } = 500;
}
