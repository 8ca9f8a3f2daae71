using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>
/// The fake's sessions (networks.md §2.2): createSession with the handle and app password, bearer access tokens that a
/// test can expire (<c>400 ExpiredToken</c>), refreshSession with the refresh token (rotated on each use; unknown or
/// revoked ones answer <c>400 InvalidToken</c>), and account states (takendown, email code required, deactivated).
/// </summary>
internal sealed partial class FakePds
{
    private readonly Dictionary<string, bool> _access = new(StringComparer.Ordinal); // token -> expired
    private readonly HashSet<string> _refresh = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>The app password the account accepts.</summary>
    public string AcceptedPassword { get; set; } = Password;

    /// <summary>null (active), "takendown", "authFactor" (email code required), or "deactivated".</summary>
    public string? AccountState { get; set; }

    /// <summary>Every access token issued so far is expired from now on.</summary>
    public void ExpireAccessTokens()
    {
        lock (Gate)
        {
            foreach (var token in _access.Keys.ToList())
            {
                _access[token] = true;
            }
        }
    }

    /// <summary>Every refresh token issued so far is refused from now on.</summary>
    public void RevokeRefreshTokens()
    {
        lock (Gate)
        {
            _refresh.Clear();
        }
    }

    private async Task CreateSessionAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        var identifier = body?["identifier"]?.GetValue<string>();
        var password = body?["password"]?.GetValue<string>();
        if ((identifier != FakePdsData.MeHandle && identifier != FakePdsData.MeDid) || password != AcceptedPassword)
        {
            await ErrorAsync(http, 401, "AuthenticationRequired", "Invalid identifier or password");
            return;
        }

        switch (AccountState)
        {
            case "takendown":
                await ErrorAsync(http, 401, "AccountTakedown", "Account has been taken down");
                return;
            case "authFactor":
                await ErrorAsync(http, 401, "AuthFactorTokenRequired", "A sign in code has been sent to your email address");
                return;
        }

        var session = Issue();
        session["email"] = "ops@acme.example";
        session["emailConfirmed"] = true;
        session["active"] = AccountState != "deactivated";
        if (AccountState == "deactivated")
        {
            session["status"] = "deactivated";
        }

        await WriteJsonAsync(http, session);
    }

    private async Task RefreshSessionAsync(HttpContext http)
    {
        var token = Bearer(http);
        bool known;
        lock (Gate)
        {
            known = token is not null && _refresh.Remove(token);
        }

        if (!known)
        {
            await ErrorAsync(http, 400, "InvalidToken", "Token could not be verified");
            return;
        }

        await WriteJsonAsync(http, Issue());
    }

    /// <summary>Checks the access token of an authenticated call; false when it answered an error.</summary>
    private async Task<bool> AuthorizedAsync(HttpContext http)
    {
        var token = Bearer(http);
        bool? expired;
        lock (Gate)
        {
            expired = token is not null && _access.TryGetValue(token, out var e) ? e : null;
        }

        switch (expired)
        {
            case null:
                await ErrorAsync(http, 401, "AuthenticationRequired", "Authentication Required");
                return false;
            case true:
                await ErrorAsync(http, 400, "ExpiredToken", "Token has expired");
                return false;
            default:
                return true;
        }
    }

    private JsonObject Issue()
    {
        lock (Gate)
        {
            _issued++;
            var access = $"eyJhbGciOiJFUzI1NksifQ.access{_issued:000}.sig";
            var refresh = $"eyJhbGciOiJFUzI1NksifQ.refresh{_issued:000}.sig";
            _access[access] = false;
            _refresh.Add(refresh);
            return new JsonObject
            {
                ["did"] = FakePdsData.MeDid, ["handle"] = FakePdsData.MeHandle, ["accessJwt"] = access, ["refreshJwt"] = refresh,
                ["didDoc"] = new JsonObject { ["id"] = FakePdsData.MeDid },
            };
        }
    }

    private static string? Bearer(HttpContext http) =>
        http.Request.Headers.Authorization.FirstOrDefault() is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value[7..] : null;
}
