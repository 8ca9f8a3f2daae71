using System.Net;
using System.Text.Json;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Privacy;

/// <summary>
/// <c>POST /api/subjects/erase</c> on the demo host: the <c>$apply</c> figures analysts read are the same before and
/// after, and a full re-sync of the demo connector (cursor cleared, so every item is sent again) brings nothing back.
/// </summary>
public sealed class SubjectHttpErasureTests(PrivacyDemoFixture demo) : IClassFixture<PrivacyDemoFixture>
{
    private static readonly string[] Figures =
    [
        "/odata/Interactions?$apply=filter(CreatedAt lt {0})/groupby((Network,Kind,Direction),aggregate($count as N,ResponseSeconds with sum as Seconds,ContactId with countdistinct as People))&$orderby=Network,Kind,Direction",
        "/odata/Conversations?$apply=filter(StartedAt lt {0})/aggregate($count as N,MessagesIn with sum as MessagesIn,MessagesOut with sum as MessagesOut,FirstResponseSeconds with sum as FirstResponse)",
        "/odata/Contacts?$apply=filter(FirstSeenAt lt {0})/aggregate($count as N)",
        "/odata/Moments?$apply=aggregate($count as N)",
    ];

    /// <summary>The figures a re-sync cannot move: it may add items (and contacts) newer than the cutoff, nothing older.</summary>
    private static readonly string[] ResyncFigures = [Figures[0], Figures[2]];

    [Fact]
    public async Task Erase_KeepsTheFigures_AndAFullResyncBringsNothingBack()
    {
        var contacts = await demo.BusiestContactsAsync(2);
        var ids = PrivacyDemoFixture.Ids(contacts);
        var cutoff = ((string)(await demo.ScalarAsync("SELECT MAX(CreatedAt) FROM Interactions"))!)[..19] + "Z";
        var before = await FiguresAsync(cutoff, Figures);
        var metricsBefore = await demo.Client.GetJsonAsync("/odata/MetricValues?$apply=aggregate($count as N,Value with sum as Total)");
        var original = JsonDocument.Parse((await demo.Client.SendJsonAsync(HttpMethod.Get, $"/api/subjects/export?contacts={contacts[0]},{contacts[1]}")).Body).RootElement;
        var handles = original.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("Handle").GetString()!).ToList();
        var externalIds = original.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("ExternalId").GetString()!)
            .Concat(original.GetProperty("interactions").EnumerateArray()
                .Where(i => i.GetProperty("ContactId").ValueKind == JsonValueKind.Number).Select(i => i.GetProperty("ExternalId").GetString()!)).ToList();

        var erase = await demo.Client.SendJsonAsync(HttpMethod.Post, "/api/subjects/erase", new { contacts, reason = "GDPR request 2026-117" });

        erase.Status.Should().Be(HttpStatusCode.OK, erase.Body);
        erase.Json.GetProperty("contacts").GetInt32().Should().Be(2);
        (await FiguresAsync(cutoff, Figures)).Should().Equal(before, "erasure keeps every row, so every figure stays");
        (await demo.Client.GetJsonAsync("/odata/MetricValues?$apply=aggregate($count as N,Value with sum as Total)")).ToString()
            .Should().Be(metricsBefore.ToString());
        await ShouldBeErasedAsync(ids, handles, externalIds);

        var connection = (long)(await demo.ScalarAsync("SELECT Id FROM Connections ORDER BY Id LIMIT 1"))!;
        await demo.ScalarAsync("UPDATE Connections SET Cursor = NULL WHERE Id = @id", ("@id", connection));
        var firstRun = (long)(await demo.ScalarAsync("SELECT ItemsFetched FROM SyncRuns ORDER BY Id LIMIT 1"))!;
        var resyncBefore = await FiguresAsync(cutoff, ResyncFigures);
        var sync = await demo.Client.SendJsonAsync(HttpMethod.Post, $"/api/connections/{connection}/sync");

        sync.Status.Should().Be(HttpStatusCode.OK, sync.Body);
        sync.Json.GetProperty("status").GetString().Should().Be("Succeeded", sync.Body);
        sync.Json.GetProperty("itemsFetched").GetInt64().Should().BeGreaterThanOrEqualTo(firstRun, "the demo sent its whole history again");
        await ShouldBeErasedAsync(ids, handles, externalIds);
        (await FiguresAsync(cutoff, ResyncFigures)).Should().Equal(resyncBefore, "the re-sync neither duplicated nor restored anything before the cutoff");
    }

    private async Task ShouldBeErasedAsync(string ids, IReadOnlyList<string> handles, IReadOnlyList<string> externalIds)
    {
        (await demo.ScalarAsync(
                "SELECT COUNT(*) FROM Contacts WHERE Id IN (SELECT value FROM json_each(@ids)) AND (Handle <> '(erased)' OR DisplayName IS NOT NULL OR Url IS NOT NULL OR ExternalId NOT LIKE 'erased:%')",
                ("@ids", ids)))
            .Should().Be(0L, "the contacts stay anonymised");
        (await demo.ScalarAsync(
                """
                SELECT COUNT(*) FROM Interactions WHERE (ContactId IN (SELECT value FROM json_each(@ids)) AND (Text IS NOT NULL OR Url IS NOT NULL OR ExternalId NOT LIKE 'erased:%'))
                   OR (Direction = 'Outbound' AND Text IS NOT NULL AND ConversationId IN (SELECT Id FROM Conversations WHERE ContactId IN (SELECT value FROM json_each(@ids))))
                """,
                ("@ids", ids)))
            .Should().Be(0L, "their interactions and the replies to them stay without text");
        (await demo.ScalarAsync("SELECT COUNT(*) FROM Contacts WHERE Handle IN (SELECT value FROM json_each(@h)) OR ExternalId IN (SELECT value FROM json_each(@e))",
                ("@h", JsonSerializer.Serialize(handles)), ("@e", JsonSerializer.Serialize(externalIds))))
            .Should().Be(0L, "no contact with an erased handle or id came back");
        (await demo.ScalarAsync("SELECT COUNT(*) FROM Interactions WHERE ExternalId IN (SELECT value FROM json_each(@e))", ("@e", JsonSerializer.Serialize(externalIds))))
            .Should().Be(0L, "no erased interaction came back under its network id");
    }

    private async Task<List<string>> FiguresAsync(string cutoff, IEnumerable<string> urls)
    {
        var figures = new List<string>();
        foreach (var url in urls)
        {
            figures.Add((await demo.Client.GetJsonAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, cutoff))).GetProperty("value").ToString());
        }

        return figures;
    }
}
