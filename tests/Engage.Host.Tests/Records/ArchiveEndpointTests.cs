using System.Net;
using System.Text.Json;
using Engage.Host.Audit;

namespace Engage.Host.Tests.Records;

/// <summary><c>GET /api/workspaces/{id}/archive</c> through the real HTTP pipeline.</summary>
public sealed class ArchiveEndpointTests(ArchiveHostFixture host) : IClassFixture<ArchiveHostFixture>
{
    [Fact]
    public async Task Archive_Period_ManifestMatchesFilesAndCountsMatchOData()
    {
        var package = await DownloadAsync(RecordsSamples.From, RecordsSamples.To);

        package.ShouldMatchManifest();
        var period = $"PublishedDate ge {RecordsSamples.From} and PublishedDate le {RecordsSamples.To}";
        package.FileEntry("posts.jsonl").GetProperty("rows").GetInt64()
            .Should().Be(await CountAsync($"/odata/Posts/$count?$filter=WorkspaceId eq {host.Workspace} and {period}")).And.Be(2);
        package.FileEntry("interactions.jsonl").GetProperty("rows").GetInt64()
            .Should().Be(await CountAsync($"/odata/Interactions/$count?$filter=WorkspaceId eq {host.Workspace} and {period.Replace("PublishedDate", "CreatedDate")}")).And.Be(3);
        var manifest = package.Manifest;
        manifest.GetProperty("workspace").GetProperty("id").GetInt64().Should().Be(host.Workspace);
        manifest.GetProperty("workspace").GetProperty("timeZone").GetString().Should().Be(RecordsSamples.TimeZone);
        manifest.GetProperty("period").GetProperty("from").GetString().Should().Be(RecordsSamples.From);
        manifest.GetProperty("period").GetProperty("to").GetString().Should().Be(RecordsSamples.To);
        manifest.GetProperty("engageVersion").GetString().Should().NotBeNullOrWhiteSpace();
        manifest.GetProperty("generatedAt").GetDateTimeOffset().Should().BeAfter(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Archive_Boundaries_AreLocalDaysBothIncluded()
    {
        var package = await DownloadAsync(RecordsSamples.From, RecordsSamples.To);

        package.Rows("posts.jsonl").Select(r => r.GetProperty("ExternalId").GetString())
            .Should().Equal(["p-first-day", "p-mid"], "23:30 UTC on 02-28 is 03-01 in Jerusalem; 21:00 UTC is still 02-28");
        package.Rows("interactions.jsonl").Select(r => r.GetProperty("ExternalId").GetString())
            .Should().Equal(["i-persian", "i-hebrew", "i-last-day"], "23:30 local on the last day is in, 00:30 the day after is out");
    }

    [Fact]
    public async Task Archive_RightToLeftAndEmojiText_IsExact()
    {
        var package = await DownloadAsync(RecordsSamples.From, RecordsSamples.To);

        var texts = package.Rows("interactions.jsonl").ToDictionary(r => r.GetProperty("ExternalId").GetString()!, r => r.GetProperty("Text").GetString());
        texts["i-persian"].Should().Be(RecordsSamples.Persian);
        texts["i-hebrew"].Should().Be(RecordsSamples.Hebrew);
        texts["i-last-day"].Should().Be(RecordsSamples.Emoji);
        package.Rows("posts.jsonl").Single(r => r.GetProperty("ExternalId").GetString() == "p-mid").GetProperty("Text").GetString().Should().Be(RecordsSamples.Hebrew);
        package.Rows("contacts.jsonl").Select(r => r.GetProperty("DisplayName").GetString()).Should().Contain("داریوش");
    }

    [Fact]
    public async Task Archive_References_AreAllInThePackage()
    {
        var package = await DownloadAsync(RecordsSamples.From, RecordsSamples.To);

        var interactions = package.Rows("interactions.jsonl");
        Ids(package, "contacts.jsonl").Should().BeEquivalentTo(Referenced(interactions, "ContactId"));
        Ids(package, "conversations.jsonl").Should().BeEquivalentTo(Referenced(interactions, "ConversationId"));
        Ids(package, "accounts.jsonl").Should().BeEquivalentTo(Referenced([.. interactions, .. package.Rows("posts.jsonl")], "AccountId"));
        interactions.Single(r => r.GetProperty("ExternalId").GetString() == "i-last-day").GetProperty("InReplyToExternalId").GetString().Should().Be("i-hebrew");
    }

    [Fact]
    public async Task Archive_EmptyPeriod_IsAValidEmptyPackage()
    {
        var package = await DownloadAsync("2020-01-01", "2020-01-31");

        package.ShouldMatchManifest();
        foreach (var file in ArchivePackage.DataFiles)
        {
            package.Files[file].Should().BeEmpty();
            package.FileEntry(file).GetProperty("sha256").GetString().Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }
    }

    [Fact]
    public async Task Archive_Export_IsAuditedWithCounts()
    {
        await DownloadAsync("2026-03-02", "2026-03-02");

        var details = await LastAuditDetailsAsync("Archive.Export");
        details.Should().Be("Archive of 2026-03-02 to 2026-03-02 (both included): 0 posts.jsonl, 1 interactions.jsonl, 1 conversations.jsonl, 1 contacts.jsonl, 1 accounts.jsonl");
        (await new AuditVerifier(host.Database).VerifyAsync(TextWriter.Null, CancellationToken.None)).Intact.Should().BeTrue();
    }

    [Theory]
    [InlineData("?to=2026-03-31", "'from' is required")]
    [InlineData("?from=2026-03-01", "'to' is required")]
    [InlineData("?from=2026-3-1&to=2026-03-31", "'from' must be a date as YYYY-MM-DD, such as 2026-01-31, not '2026-3-1'")]
    [InlineData("?from=2026-03-01&to=31.03.2026", "'to' must be a date as YYYY-MM-DD")]
    [InlineData("?from=2026-04-01&to=2026-03-01", "'from' (2026-04-01) is after 'to' (2026-03-01)")]
    public async Task Archive_BadPeriod_Answers400SayingWhatToFix(string query, string message)
    {
        using var response = await host.Admin.GetAsync($"/api/workspaces/{host.Workspace}/archive{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        error.GetProperty("message").GetString().Should().Contain(message);
    }

    [Fact]
    public async Task Archive_UnknownWorkspace_Answers404()
    {
        using var response = await host.Admin.GetAsync($"/api/workspaces/987654/archive?from={RecordsSamples.From}&to={RecordsSamples.To}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("There is no workspace 987654");
    }

    [Fact]
    public async Task Archive_NotAnAdmin_Answers403AndExportsNothing()
    {
        using var response = await host.Analyst.GetAsync($"/api/workspaces/{host.Workspace}/archive?from={RecordsSamples.From}&to={RecordsSamples.To}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("needs the Admin role");
    }

    private async Task<ArchivePackage> DownloadAsync(string from, string to)
    {
        using var response = await host.Admin.GetAsync($"/api/workspaces/{host.Workspace}/archive?from={from}&to={to}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/zip");
        response.Content.Headers.ContentDisposition?.FileName.Should().Be($"engage-archive-{host.Workspace}-{from}-{to}.zip");
        return ArchivePackage.FromZip(bytes);
    }

    private async Task<long> CountAsync(string url) => long.Parse(await host.Admin.GetStringAsync(url), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string?> LastAuditDetailsAsync(string action)
    {
        await using var connection = await host.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Details FROM AuditEvents WHERE Action = $a ORDER BY Id DESC LIMIT 1";
        command.Parameters.AddWithValue("$a", action);
        return await command.ExecuteScalarAsync() as string;
    }

    private static IEnumerable<long> Ids(ArchivePackage package, string file) => package.Rows(file).Select(r => r.GetProperty("Id").GetInt64());

    private static IEnumerable<long> Referenced(IEnumerable<JsonElement> rows, string property) =>
        rows.Select(r => r.GetProperty(property)).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt64()).Distinct();
}
