using Engage.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Engage.Sdk.Testing.Context;

/// <summary>
/// What the host hands a connector for one connection, built by a test: settings, secrets, a recording logger, a
/// manual clock and an HTTP client (by default a plain one; pass a client over your own handler or pointed at a
/// local fake server). The client is owned by the test, as the host owns its client: connectors must not dispose it.
/// </summary>
public sealed class FakeConnectorContext : IConnectorContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="settings">The non-secret settings, with defaults applied as the host would.</param>
    /// <param name="secrets">The secrets (name, value).</param>
    /// <param name="httpClient">The HTTP client; null gives a plain client with a 100 s timeout.</param>
    public FakeConnectorContext(
        IReadOnlyDictionary<string, string?>? settings = null,
        IEnumerable<KeyValuePair<string, string?>>? secrets = null,
        HttpClient? httpClient = null)
    {
        Settings = settings ?? new Dictionary<string, string?>(StringComparer.Ordinal);
        FakeSecrets = new FakeSecretAccessor(secrets);
        HttpClient = httpClient ?? SharedClient.Value;
    }

    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient());

    /// <inheritdoc />
    public long ConnectionId { get; init; } = 1;

    /// <inheritdoc />
    public string WorkspaceTimeZone { get; init; } = "UTC";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The secrets, as the test sees them (what was asked for, what the connector stored).</summary>
    public FakeSecretAccessor FakeSecrets { get; }

    /// <inheritdoc />
    public ISecretAccessor Secrets => FakeSecrets;

    /// <summary>Every line the connector logged.</summary>
    public RecordingLogger Log { get; } = new();

    /// <inheritdoc />
    public ILogger Logger => Log;

    /// <summary>The clock, which moves only when the test says so.</summary>
    public ManualClock Clock { get; init; } = new();

    /// <inheritdoc />
    public TimeProvider Time => Clock;

    /// <inheritdoc />
    public HttpClient HttpClient { get; }
}
