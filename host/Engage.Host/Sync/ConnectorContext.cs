using Engage.Sdk.Connectors;

namespace Engage.Host.Sync;

/// <summary>What the host hands a connector for one run of one connection.</summary>
internal sealed record ConnectorContext(
    long ConnectionId,
    string WorkspaceTimeZone,
    IReadOnlyDictionary<string, string?> Settings,
    ISecretAccessor Secrets,
    ILogger Logger,
    TimeProvider Time,
    HttpClient HttpClient) : IConnectorContext;
