namespace Engage.Plugins.Mastodon.Tests.FakeServer;

/// <summary>One request the fake instance received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query.</param>
/// <param name="At">When it arrived (real time).</param>
/// <param name="Status">The status code answered.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, if sent.</param>
internal sealed record FakeRequest(string Method, string PathAndQuery, DateTimeOffset At, int Status, string? IdempotencyKey);
