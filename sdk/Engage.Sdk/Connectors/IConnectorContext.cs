using Microsoft.Extensions.Logging;

namespace Engage.Sdk.Connectors;

/// <summary>What the host hands a connector for one connection.</summary>
public interface IConnectorContext
{
    /// <summary>The connection's id in Engage.</summary>
    long ConnectionId { get; }

    /// <summary>The IANA time zone of the connection's workspace (<c>Europe/Paris</c>).</summary>
    string WorkspaceTimeZone { get; }

    /// <summary>The non-secret settings, with defaults applied.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The only way to read the connection's secrets.</summary>
    ISecretAccessor Secrets { get; }

    /// <summary>A log whose lines carry the plugin and connection. Never log secrets.</summary>
    ILogger Logger { get; }

    /// <summary>The clock. Use it instead of <see cref="DateTimeOffset.UtcNow"/> so tests can control time.</summary>
    TimeProvider Time { get; }

    /// <summary>An HTTP client owned by the host. Do not dispose it.</summary>
    HttpClient HttpClient { get; }
}
