using Engage.Plugins.Mastodon.Api;
using Engage.Plugins.Mastodon.Mapping;
using Engage.Plugins.Mastodon.Publishing;
using Engage.Plugins.Mastodon.Settings;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Mastodon.Sync;

/// <summary>
/// The Mastodon connector. Connecting checks the access token with <c>GET /api/v1/accounts/verify_credentials</c>
/// (which also gives the account and its follower count); a refused token marks the connection as needing new credentials.
/// Saving a connection makes the same call (<see cref="IConnectionCheck"/>), so a wrong address or token is refused with the
/// setting it concerns.
/// </summary>
internal sealed class MastodonConnector : IConnector, IConnectionCheck
{
    public ConnectorInfo Info { get; } = new("mastodon", "Mastodon", "mastodon",
        ConnectorCapabilities.Pull | ConnectorCapabilities.Publish | ConnectorCapabilities.Reply)
    {
        Description = "Reads a Mastodon account's posts with their counts, notifications (mentions, replies, favourites, boosts, follows, quotes), "
            + "direct-message conversations with their threads, and followers; replies and publishes. Needs an access token with the scopes "
            + MastodonSettings.Scopes + ".",
        Settings = MastodonSettings.Definitions,
        DefaultPullInterval = TimeSpan.FromMinutes(15),
    };

    public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => MastodonSettings.Validate(settings);

    public async Task<IReadOnlyList<SettingError>> CheckConnectionAsync(IConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var session = await ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (PluginException e) when (e.Kind == PluginFailureKind.CredentialsInvalid)
        {
            return [new SettingError(MastodonSettings.AccessTokenKey, e.Message)];
        }
        catch (PluginException e) when (e.Kind == PluginFailureKind.Permanent || e.InnerException is System.Text.Json.JsonException)
        {
            return [new SettingError(MastodonSettings.InstanceUrlKey, e.Message)];
        }
        catch (HttpRequestException e)
        {
            var address = context.Settings.GetValueOrDefault(MastodonSettings.InstanceUrlKey);
            return [new SettingError(MastodonSettings.InstanceUrlKey,
                $"Could not reach {address} ({e.Message}). Check the instance URL, and that this server may connect to it.")];
        }
    }

    public async Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = MastodonSettings.Read(context.Settings);
        var token = await context.Secrets.GetAsync(MastodonSettings.AccessTokenKey, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new PluginException(
                "No access token is set for this Mastodon connection. Create one on the instance (Preferences > Development > New application, scopes "
                + MastodonSettings.Scopes + ") and enter it in the connection's settings.", PluginFailureKind.CredentialsInvalid);
        }

        var api = new MastodonApi(context.HttpClient, settings.Instance, token.Trim(), context.Time, context.Logger);
        ApiPage credentials;
        try
        {
            credentials = await api.GetAsync("/api/v1/accounts/verify_credentials", cancellationToken).ConfigureAwait(false);
        }
        catch (MastodonNotFoundException)
        {
            throw new PluginException(
                $"{settings.Instance.Authority} has no Mastodon API (verify_credentials answered 404). Check the instance URL in the connection's settings.",
                PluginFailureKind.Permanent);
        }

        try
        {
            var me = credentials.Root.Need("id", "The account");
            var items = new ItemMapper(me, settings.Instance);
            var account = items.Account(credentials.Root);
            var today = WorkspaceCalendar.Today(context);
            var followers = new AccountDailyStatItem(me, today) { Followers = account.FollowersCount };
            var puller = new MastodonPuller(api, items, account, followers, context.Time.GetUtcNow() - MastodonPuller.RefreshWindow);
            var publisher = new MastodonPublisher(api, me, credentials.Root.Need("acct", "The account"));
            return new NetworkSession(puller.PullAsync, publisher.PublishAsync, publisher.ReplyAsync,
                "The Mastodon instance answered the post in a shape Mastodon does not send");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new PluginException(
                $"{settings.Instance.Authority} answered verify_credentials with something that is not a Mastodon account ({e.Message}). Check the instance URL.",
                PluginFailureKind.Permanent, innerException: e);
        }
    }
}
