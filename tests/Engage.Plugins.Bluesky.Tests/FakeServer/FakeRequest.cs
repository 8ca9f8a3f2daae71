namespace Engage.Plugins.Bluesky.Tests.FakeServer;

/// <summary>One request the fake PDS received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query.</param>
/// <param name="At">When it arrived (real time).</param>
/// <param name="Status">The status code answered.</param>
/// <param name="Authorization">The Authorization header as sent.</param>
internal sealed record FakeRequest(string Method, string PathAndQuery, DateTimeOffset At, int Status, string? Authorization)
{
    /// <summary>The NSID called (<c>/xrpc/{nsid}</c>).</summary>
    public string Nsid => PathAndQuery.Split('?')[0].Replace("/xrpc/", "", StringComparison.Ordinal);
}
