using System.Text.Json;
using Engage.Plugins.Bluesky.Auth;

namespace Engage.Plugins.Bluesky.Api;

/// <summary>Authenticated XRPC calls for one account: the session's access token, renewed by the <see cref="SessionKeeper"/> when it expires.</summary>
internal sealed class BlueskyApi(XrpcClient xrpc, SessionKeeper session)
{
    public Uri Service => xrpc.Service;

    public string Did => session.Did;

    public string Handle => session.Handle;

    public Task<JsonElement> QueryAsync(string nsid, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken)
    {
        var list = parameters.ToList();
        return session.CallAsync(token => xrpc.QueryAsync(nsid, list, token, cancellationToken), cancellationToken);
    }

    public Task<JsonElement> ProcedureAsync(string nsid, byte[] body, CancellationToken cancellationToken) =>
        session.CallAsync(token => xrpc.ProcedureAsync(nsid, body, token, cancellationToken), cancellationToken);
}
