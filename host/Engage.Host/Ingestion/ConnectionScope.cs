namespace Engage.Host.Ingestion;

/// <summary>What ingestion needs to know about the connection a batch came from.</summary>
internal sealed record ConnectionScope(long ConnectionId, long WorkspaceId, string Network, TimeZoneInfo Zone);
