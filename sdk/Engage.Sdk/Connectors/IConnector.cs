namespace Engage.Sdk.Connectors;

/// <summary>
/// A network connector. The host owns scheduling, retries, back-off, persistence and HTTP; the connector
/// supplies behaviour and classifies its failures with <see cref="Failures.PluginException"/>.
/// </summary>
public interface IConnector
{
    /// <summary>What the connector is and can do. Must not change after registration.</summary>
    ConnectorInfo Info { get; }

    /// <summary>
    /// Checks the non-secret settings of a connection. Must be pure: no I/O, no clock, same answer for the
    /// same input. Checks against the network itself belong in <see cref="ConnectAsync"/>.
    /// </summary>
    /// <param name="settings">The non-secret settings as entered.</param>
    /// <returns>The problems found; empty when the settings are acceptable.</returns>
    IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings);

    /// <summary>
    /// Opens a session for one connection (checks credentials, creates or refreshes a network session).
    /// Calling it again for the same connection must be harmless. The returned session implements the
    /// session interfaces of every declared capability.
    /// </summary>
    /// <param name="context">The connection's settings, secrets, clock, HTTP client and log.</param>
    /// <param name="cancellationToken">Stops the work; honour it promptly.</param>
    Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken);
}
