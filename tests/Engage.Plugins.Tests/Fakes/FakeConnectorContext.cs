using Engage.Sdk.Connectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Plugins.Tests.Fakes;

/// <summary>What the host would hand a connector, with a fake clock and no network.</summary>
internal sealed class FakeConnectorContext(TimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, string timeZone = "Europe/Paris") : IConnectorContext
{
    public long ConnectionId => 1;

    public string WorkspaceTimeZone => timeZone;

    public IReadOnlyDictionary<string, string?> Settings { get; } = settings ?? new Dictionary<string, string?>();

    public ISecretAccessor Secrets { get; } = new FakeSecretAccessor();

    public ILogger Logger => NullLogger.Instance;

    public TimeProvider Time { get; } = time;

    public HttpClient HttpClient => throw new InvalidOperationException("The demo connector must not use HTTP.");
}
