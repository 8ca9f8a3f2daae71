namespace Engage.Host.Sync;

/// <summary>
/// The server-owned columns of a new connection (<see cref="ConnectionSetup.New"/>): the network from the connector's
/// info, Active and due at once (<see cref="NextSyncAt"/> null: the scheduler's next tick runs it), the interval, the
/// stored settings text, the encrypted secrets and the creation time.
/// </summary>
internal sealed record NewConnection(
    string Network, string Status, DateTimeOffset? NextSyncAt, long IntervalSeconds, string Settings, byte[]? Secrets, DateTimeOffset CreatedAt);
