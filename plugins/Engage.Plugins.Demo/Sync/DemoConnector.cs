using Engage.Plugins.Demo.Settings;
using Engage.Sdk.Connectors;

namespace Engage.Plugins.Demo.Sync;

/// <summary>
/// The demo connector: invents a city library's activity on three networks, deterministically from a
/// seed, so that a new installation has believable data to query at once.
/// </summary>
internal sealed class DemoConnector : IConnector
{
    public ConnectorInfo Info { get; } = new("demo", "Demo data", "demo", ConnectorCapabilities.Pull)
    {
        Description = "Invents the activity of the fictional Riverside City Library on Mastodon, Bluesky and Instagram: "
            + "posts in six languages, comments, mentions, direct messages and the library's answers, followers and daily figures. "
            + "The same seed always gives the same data. Contacts no network; links point to .example addresses.",
        Settings = DemoSettings.Definitions,
        DefaultPullInterval = TimeSpan.FromMinutes(1),
    };

    public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) =>
        DemoSettings.Validate(settings);

    public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = DemoSettings.Read(context.Settings);
        return Task.FromResult<IConnectorSession>(new DemoPullSession(settings, context.Time));
    }
}
