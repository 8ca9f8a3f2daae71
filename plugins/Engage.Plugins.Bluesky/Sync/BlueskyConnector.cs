using Engage.Plugins.Bluesky.Api;
using Engage.Plugins.Bluesky.Auth;
using Engage.Plugins.Bluesky.Mapping;
using Engage.Plugins.Bluesky.Publishing;
using Engage.Plugins.Bluesky.Settings;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Engage.Sdk.Items;

namespace Engage.Plugins.Bluesky.Sync;

/// <summary>
/// The Bluesky (AT Protocol) connector. Connecting uses the stored session or signs in with the app password
/// (<see cref="SessionKeeper"/>), then reads the account's profile (<c>app.bsky.actor.getProfile</c>: follower count).
/// Saving a connection signs in afresh (<see cref="IConnectionCheck"/>), so a wrong handle, app password or service URL is
/// refused with the setting it concerns.
/// </summary>
internal sealed class BlueskyConnector : IConnector, IConnectionCheck
{
    public ConnectorInfo Info { get; } = new("bluesky", "Bluesky", "bluesky",
        ConnectorCapabilities.Pull | ConnectorCapabilities.Publish | ConnectorCapabilities.Reply)
    {
        Description = "Reads a Bluesky account's posts with their counts, notifications (likes, reposts, replies, mentions, quotes, follows), followers "
            + "and follower count; replies and publishes. Needs the account's handle and an app password (not the main password).",
        Settings = BlueskySettings.Definitions,
        DefaultPullInterval = TimeSpan.FromMinutes(15),
    };

    public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => BlueskySettings.Validate(settings);

    public async Task<IReadOnlyList<SettingError>> CheckConnectionAsync(IConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var session = await OpenAsync(context, fresh: true, cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (PluginException e) when (e.Kind == PluginFailureKind.CredentialsInvalid)
        {
            return [new SettingError(BlueskySettings.AppPasswordKey, e.Message)];
        }
        catch (AccountUnavailableException e)
        {
            return [new SettingError(BlueskySettings.HandleKey, e.Message)];
        }
        catch (PluginException e) when (e.Kind == PluginFailureKind.Permanent || e.InnerException is System.Text.Json.JsonException)
        {
            return [new SettingError(BlueskySettings.ServiceUrlKey, e.Message)];
        }
        catch (HttpRequestException e)
        {
            var address = BlueskySettings.Read(context.Settings).Service;
            return [new SettingError(BlueskySettings.ServiceUrlKey,
                $"Could not reach {address} ({e.Message}). Check the service URL, and that this server may connect to it.")];
        }
    }

    public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OpenAsync(context, fresh: false, cancellationToken);
    }

    private static async Task<IConnectorSession> OpenAsync(IConnectorContext context, bool fresh, CancellationToken cancellationToken)
    {
        var settings = BlueskySettings.Read(context.Settings);
        var xrpc = new XrpcClient(context.HttpClient, settings.Service, context.Time, context.Logger);
        var keeper = new SessionKeeper(xrpc, settings, context.Secrets, context.Logger);
        await keeper.OpenAsync(fresh, cancellationToken).ConfigureAwait(false);
        var api = new BlueskyApi(xrpc, keeper);
        try
        {
            var profile = await api.QueryAsync("app.bsky.actor.getProfile", [new("actor", keeper.Did)], cancellationToken).ConfigureAwait(false);
            var items = new ItemMapper(keeper.Did, keeper.Handle);
            var account = items.Account(profile);
            var today = WorkspaceCalendar.Today(context);
            var followers = new AccountDailyStatItem(account.ExternalId, today) { Followers = account.FollowersCount };
            var puller = new BlueskyPuller(api, items, account, followers, context.Time.GetUtcNow() - BlueskyPuller.RefreshWindow);
            var publisher = new BlueskyPublisher(api, context.Time);
            return new NetworkSession(puller.PullAsync, publisher.PublishAsync, publisher.ReplyAsync,
                "Bluesky answered the post in a shape the lexicon does not describe");
        }
        catch (FormatException e)
        {
            throw new PluginException(
                $"{settings.Service.Authority} answered getProfile with something that is not a Bluesky profile ({e.Message}). Check the service URL, such as {BlueskySettings.DefaultService}.",
                PluginFailureKind.Permanent, innerException: e);
        }
    }
}
