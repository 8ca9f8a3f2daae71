using System.Net;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Records;

/// <summary>RetentionDays and LegalHold through OData: validation, and who placed the hold and when.</summary>
public sealed class WorkspaceRetentionWriteTests(ArchiveHostFixture host) : IClassFixture<ArchiveHostFixture>
{
    [Theory]
    [InlineData("{\"RetentionDays\":0}", "'RetentionDays' must be a number of days from 1 to 36500")]
    [InlineData("{\"RetentionDays\":36501}", "'RetentionDays' must be a number of days from 1 to 36500")]
    [InlineData("{\"LegalHoldChangedBy\":\"someone else\"}", "LegalHoldChangedBy")]
    public async Task Patch_BadRetentionValues_Answer400(string body, string message)
    {
        var answer = await host.Admin.SendJsonAsync(HttpMethod.Patch, $"/odata/Workspaces({host.Workspace})", body);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
        var error = answer.Json.GetProperty("error");
        $"{error.GetProperty("message").GetString()} (target {(error.TryGetProperty("target", out var target) ? target.GetString() : "none")})"
            .Should().Contain(message);
    }

    [Fact]
    public async Task Patch_LegalHold_RecordsWhoWhenAndWhy()
    {
        var id = (await host.Admin.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Held office", RetentionDays = 365 }, ("Prefer", "return=representation")))
            .Json.GetProperty("Id").GetInt64();

        var placed = await host.Admin.SendJsonAsync(HttpMethod.Patch, $"/odata/Workspaces({id})",
            new { LegalHold = true, LegalHoldReason = "FOI request 2026-17" }, ("Prefer", "return=representation"));

        placed.Status.Should().Be(HttpStatusCode.OK, placed.Body);
        var row = placed.Json;
        row.GetProperty("RetentionDays").GetInt64().Should().Be(365);
        row.GetProperty("LegalHold").GetBoolean().Should().BeTrue();
        row.GetProperty("LegalHoldReason").GetString().Should().Be("FOI request 2026-17");
        row.GetProperty("LegalHoldChangedBy").GetString().Should().Be("admin (created on first start)");
        row.GetProperty("LegalHoldChangedAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        var renamed = await host.Admin.SendJsonAsync(HttpMethod.Patch, $"/odata/Workspaces({id})", new { Name = "Held office 2" }, ("Prefer", "return=representation"));

        renamed.Json.GetProperty("LegalHoldChangedAt").GetString().Should().Be(row.GetProperty("LegalHoldChangedAt").GetString(), "only a change of the hold is recorded");
    }
}
