using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Engage.Plugins.Bluesky.Api;
using Engage.Plugins.Bluesky.Settings;
using Engage.Sdk.Connectors;
using Engage.Sdk.Failures;
using Microsoft.Extensions.Logging;

namespace Engage.Plugins.Bluesky.Auth;

/// <summary>
/// The account's XRPC session, created once with the app password (<c>com.atproto.server.createSession</c>) and kept in
/// the connection's secret store (<see cref="AccessKey"/>, <see cref="RefreshKey"/>), so later runs reuse it. A call
/// answered <c>ExpiredToken</c> (or 401) refreshes the session (<c>refreshSession</c> with the refresh token) and is
/// repeated once; only when the refresh token is refused too is a new session created with the app password, and when
/// that is refused the connection needs new credentials. A stored session belongs to the service, handle and app
/// password it was made with (<see cref="OwnerKey"/> holds their fingerprint): changing any of them starts a new one.
/// </summary>
internal sealed class SessionKeeper(XrpcClient xrpc, BlueskySettings settings, ISecretAccessor secrets, ILogger logger)
{
    public const string AccessKey = "session.accessJwt";
    public const string RefreshKey = "session.refreshJwt";
    public const string OwnerKey = "session.owner";

    private string? _access;
    private string? _refresh;
    private string _owner = "";

    /// <summary>The account's DID.</summary>
    public string Did { get; private set; } = "";

    /// <summary>The account's handle as the service knows it.</summary>
    public string Handle { get; private set; } = "";

    /// <summary>Uses the stored session when it belongs to these settings, else creates one; <paramref name="fresh"/> always creates one.</summary>
    public async Task OpenAsync(bool fresh, CancellationToken cancellationToken)
    {
        var password = await secrets.GetAsync(BlueskySettings.AppPasswordKey, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(password))
        {
            throw new PluginException(
                "No app password is set for this Bluesky connection. Create one in Bluesky (Settings > Privacy and security > App passwords) "
                + "and enter it in the connection's settings.", PluginFailureKind.CredentialsInvalid);
        }

        _owner = Fingerprint(password.Trim());
        var stored = await secrets.GetAsync(OwnerKey, cancellationToken).ConfigureAwait(false);
        if (!fresh && stored is not null && stored.Split('|') is [var owner, var did, var handle] && owner == _owner)
        {
            _access = await secrets.GetAsync(AccessKey, cancellationToken).ConfigureAwait(false);
            _refresh = await secrets.GetAsync(RefreshKey, cancellationToken).ConfigureAwait(false);
            (Did, Handle) = (did, handle);
            if (_access is not null && _refresh is not null)
            {
                return;
            }
        }

        await CreateAsync(password.Trim(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs an authenticated call, renewing the session once when the service says it expired.</summary>
    public async Task<JsonElement> CallAsync(Func<string, Task<JsonElement>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(_access!).ConfigureAwait(false);
        }
        catch (XrpcException e) when (e.Kind == PluginFailureKind.CredentialsInvalid && e.Status != System.Net.HttpStatusCode.Forbidden)
        {
            logger.LogInformation("Bluesky {Service}: the session was refused ({Error}); refreshing it", xrpc.Service.Authority, e.Error ?? e.Status.ToString());
            await RenewAsync(cancellationToken).ConfigureAwait(false);
            return await call(_access!).ConfigureAwait(false);
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var stored = await secrets.GetAsync(AccessKey, cancellationToken).ConfigureAwait(false);
        if (stored is not null && stored != _access && await secrets.GetAsync(OwnerKey, cancellationToken).ConfigureAwait(false) is { } owner
            && owner.StartsWith(_owner + "|", StringComparison.Ordinal))
        {
            // Another session of this connection (a publish during a sync) refreshed meanwhile: its refresh token replaced ours.
            _access = stored;
            _refresh = await secrets.GetAsync(RefreshKey, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var answer = await xrpc.ProcedureAsync("com.atproto.server.refreshSession", null, _refresh, cancellationToken).ConfigureAwait(false);
            await KeepAsync(answer, cancellationToken).ConfigureAwait(false);
        }
        catch (XrpcException e) when (e.Kind == PluginFailureKind.CredentialsInvalid)
        {
            logger.LogInformation("Bluesky {Service}: the refresh token was refused ({Error}); signing in again with the app password",
                xrpc.Service.Authority, e.Error ?? e.Status.ToString());
            var password = await secrets.GetAsync(BlueskySettings.AppPasswordKey, cancellationToken).ConfigureAwait(false);
            await CreateAsync(password?.Trim() ?? "", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(string password, CancellationToken cancellationToken)
    {
        var body = XrpcClient.Body(w =>
        {
            w.WriteString("identifier", settings.Handle);
            w.WriteString("password", password);
        });
        JsonElement answer;
        try
        {
            answer = await xrpc.ProcedureAsync("com.atproto.server.createSession", body, null, cancellationToken).ConfigureAwait(false);
        }
        catch (XrpcException e)
        {
            throw SessionErrors.ForCreate(e, settings);
        }

        SessionErrors.CheckActive(answer, settings);
        await KeepAsync(answer, cancellationToken).ConfigureAwait(false);
    }

    private async Task KeepAsync(JsonElement session, CancellationToken cancellationToken)
    {
        try
        {
            _access = session.Need("accessJwt", "The session");
            _refresh = session.Need("refreshJwt", "The session");
            Did = session.Need("did", "The session");
            Handle = session.Need("handle", "The session");
        }
        catch (FormatException e)
        {
            throw new PluginException(
                $"{xrpc.Service.Authority} answered the sign-in without a session ({e.Message}): it is not an AT Protocol PDS. Check the service URL, such as {BlueskySettings.DefaultService}.",
                PluginFailureKind.Permanent, innerException: e);
        }

        await secrets.SetAsync(AccessKey, _access, cancellationToken).ConfigureAwait(false);
        await secrets.SetAsync(RefreshKey, _refresh, cancellationToken).ConfigureAwait(false);
        await secrets.SetAsync(OwnerKey, $"{_owner}|{Did}|{Handle}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A fingerprint of where the session comes from (service, handle, app password); the password itself is not recoverable from it.</summary>
    private string Fingerprint(string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{xrpc.Service}\n{settings.Handle}\n{password}")))[..32];
}
