namespace Engage.Sdk.Connectors;

/// <summary>
/// Optional, for a connector whose settings can only be judged by the network (an address and a token). When a
/// connection's settings are saved and pass <see cref="IConnector.ValidateSettings"/>, the host calls
/// <see cref="CheckConnectionAsync"/> with the settings and secrets as entered, within a short time limit, and refuses
/// the save with the problems it returns. Added in SDK 1.1; a host of SDK 1.0 simply does not call it.
/// </summary>
/// <remarks>
/// Make one cheap, read-only request (a "who am I" call). Return problems the person can fix (a refused token, an address
/// that is not the service) as <see cref="SettingError"/>s naming the setting; throw a retryable
/// <see cref="Failures.PluginException"/> when the network could not be asked right now. Secrets stored through
/// <see cref="ISecretAccessor.SetAsync"/> during a check are not kept. Never put a secret in a message.
/// </remarks>
public interface IConnectionCheck
{
    /// <summary>Checks the connection's settings and secrets against the network.</summary>
    /// <param name="context">The settings (with defaults), secrets, clock, HTTP client and log of the connection being saved.</param>
    /// <param name="cancellationToken">Stops the check; honour it promptly.</param>
    /// <returns>The problems found; empty when the network accepts the settings.</returns>
    Task<IReadOnlyList<SettingError>> CheckConnectionAsync(IConnectorContext context, CancellationToken cancellationToken);
}
