namespace Engage.Host.Sync;

/// <summary>A connection row as the scheduler reads it (with its workspace's time zone).</summary>
internal sealed record ConnectionRecord(
    long Id,
    long WorkspaceId,
    string Plugin,
    string Connector,
    string Network,
    string Status,
    int IntervalSeconds,
    int ConsecutiveFailures,
    string SettingsJson,
    string? Cursor,
    string TimeZone);
