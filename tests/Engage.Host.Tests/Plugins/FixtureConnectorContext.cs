using Engage.Sdk.Connectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Plugins;

/// <summary>The context the host would hand a connector, with no settings and no secrets.</summary>
internal sealed class FixtureConnectorContext : IConnectorContext
{
    private static readonly HttpClient SharedClient = new();

    public long ConnectionId => 1;
    public string WorkspaceTimeZone => "UTC";
    public IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();
    public ISecretAccessor Secrets { get; } = new EmptySecretAccessor();
    public ILogger Logger => NullLogger.Instance;
    public TimeProvider Time => TimeProvider.System;
    public HttpClient HttpClient => SharedClient;
}
