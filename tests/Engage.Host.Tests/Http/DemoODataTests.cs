using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Engage.Host.Tests.Http;

public sealed class DemoODataTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private static readonly string[] InteractionKinds = ["Comment", "Reply", "Mention", "Message", "Reaction", "Share", "Follow", "Quote"];

    [Fact]
    public void Interactions_FirstStart_ServeRealisticDemoDataWithinSeconds()
    {
        demo.TimeToFirstData.Should().BeLessThan(TimeSpan.FromSeconds(30));
        var rows = demo.FirstPage.GetProperty("value").EnumerateArray().ToList();
        rows.Should().HaveCount(5);
        foreach (var row in rows)
        {
            InteractionKinds.Should().Contain(row.GetProperty("Kind").GetString());
            new[] { "Inbound", "Outbound" }.Should().Contain(row.GetProperty("Direction").GetString());
            row.GetProperty("Network").GetString().Should().MatchRegex("^[a-z]+$");
            row.GetProperty("CreatedAt").GetString().Should().EndWith("Z");
            row.GetProperty("CreatedDate").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
            row.TryGetProperty("Sentiment", out _).Should().BeTrue("every declared property is present, null included");
        }
    }

    [Fact]
    public async Task Interactions_FilterOrderCount_AreAnsweredByTheServer()
    {
        var json = await GetJsonAsync("/odata/Interactions?$filter=Kind eq 'Message' and Direction eq 'Inbound'&$orderby=CreatedAt desc&$top=3&$count=true&$select=Id,Kind,Direction,CreatedAt");

        var rows = json.GetProperty("value").EnumerateArray().ToList();
        rows.Should().HaveCount(3);
        rows.Should().OnlyContain(r => r.GetProperty("Kind").GetString() == "Message" && r.GetProperty("Direction").GetString() == "Inbound");
        rows.Select(r => r.GetProperty("CreatedAt").GetString()).Should().BeInDescendingOrder(StringComparer.Ordinal);
        json.GetProperty("@odata.count").GetInt64().Should().BeGreaterThanOrEqualTo(3);
        rows[0].EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Should().BeEquivalentTo("Id", "Kind", "Direction", "CreatedAt");
        rows[0].GetProperty("@odata.etag").GetString().Should().MatchRegex("^W/\"[0-9]+\"$", "interactions are editable, so each carries its ETag");
    }

    [Fact]
    public async Task Posts_FollowingNextLinks_ReturnsEveryRowOnce()
    {
        var total = long.Parse(await demo.Client.GetStringAsync("/odata/Posts/$count"), System.Globalization.CultureInfo.InvariantCulture);
        var ids = new List<long>();
        string? url = "/odata/Posts?$select=Id";
        var pages = 0;
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Prefer", "odata.maxpagesize=40");
            using var response = await demo.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            ids.AddRange(json.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt64()));
            url = json.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            pages++;
        }

        total.Should().BeGreaterThan(100, "the demo has a few hundred posts");
        ids.Should().HaveCount((int)total).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        pages.Should().Be((int)Math.Ceiling(total / 40.0));
    }

    [Fact]
    public async Task Metadata_ListsEveryEntitySetOfTheProductModel()
    {
        using var response = await demo.Client.GetAsync("/odata/$metadata");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var sets = xml.Descendants().Where(e => e.Name.LocalName == "EntitySet").Select(e => e.Attribute("Name")!.Value);
        sets.Should().BeEquivalentTo("Workspaces", "Accounts", "Posts", "Interactions", "Contacts", "Conversations", "Moments",
            "AccountDailyStats", "MetricValues", "Metrics", "ListeningQueries", "Publications", "Reports", "Connections", "SyncRuns",
            "Plugins", "ApiKeys", "AuditEvents");
    }

    [Fact]
    public async Task Plugins_BundledPlugins_AreLoadedAndTheirWorkIsVisible()
    {
        var plugins = (await GetJsonAsync("/odata/Plugins?$orderby=Id")).GetProperty("value").EnumerateArray()
            .ToDictionary(p => p.GetProperty("Id").GetString()!, p => p.GetProperty("Status").GetString());
        plugins.Should().Contain(new Dictionary<string, string?>
        {
            ["engage.demo"] = "Loaded", ["engage.engagement-metrics"] = "Loaded", ["engage.summary-report"] = "Loaded",
        });

        var metrics = (await GetJsonAsync("/odata/Metrics")).GetProperty("value").EnumerateArray().Select(m => m.GetProperty("Name").GetString());
        metrics.Should().Contain(["engagements_per_post", "engagement_rate_impressions"]);

        var values = await GetJsonAsync("/odata/MetricValues?$filter=Metric eq 'engagement_rate_impressions' and Period eq 'Week'&$top=5");
        values.GetProperty("value").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(v => v.GetProperty("Calculator").GetString() == "engagement" && v.GetProperty("Value").GetDouble() >= 0);

        var connection = (await GetJsonAsync("/odata/Connections")).GetProperty("value")[0];
        connection.GetProperty("Plugin").GetString().Should().Be("engage.demo");
        connection.GetProperty("Settings").GetString().Should().Be("{\"seed\":\"42\"}", "the demo connection's non-secret settings, as set up at start");
        connection.TryGetProperty("Secrets", out _).Should().BeFalse("secrets are never published");
        connection.TryGetProperty("Cursor", out _).Should().BeFalse("the sync cursor is internal");
    }

    [Fact]
    public async Task Reports_SummaryReport_RendersThemedHtml()
    {
        var workspace = (await GetJsonAsync("/odata/Workspaces?$filter=Name eq 'Demo'")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = JsonSerializer.Serialize(new
        {
            workspaceId = workspace, template = "workspace-summary", theme = "default",
            periodStart = today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            periodEnd = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        using var created = await demo.Client.PostAsync("/api/reports", new StringContent(body, Encoding.UTF8, "application/json"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var link = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("html").GetString();
        var html = await demo.Client.GetStringAsync(link);

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("Demo").And.Contain("<style>").And.Contain("workspace-summary");
        (await GetJsonAsync("/odata/Reports")).GetProperty("value").EnumerateArray().Should().Contain(r => r.GetProperty("Template").GetString() == "workspace-summary");
    }

    [Fact]
    public async Task Reports_BadRequest_AnswersWhatToFix()
    {
        var body = """{"workspaceId":1,"template":"","periodStart":"2026-02-01","periodEnd":"2026-01-01"}""";

        using var response = await demo.Client.PostAsync("/api/reports", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var message = await response.Content.ReadAsStringAsync();
        message.Should().Contain("'template' is required").And.Contain("'periodEnd' must not be before 'periodStart'");
    }

    [Fact]
    public async Task Authentication_KeyFormsThatBiToolsSend_AreAccepted()
    {
        using var anonymous = demo.Factory.CreateClient();

        using var missing = await anonymous.GetAsync("/odata/Posts?$top=1");
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain(["Basic", "Bearer"]);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/odata/Posts?$top=1");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "engage_" + new string('A', 43));
        (await anonymous.SendAsync(wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var basic = new HttpRequestMessage(HttpMethod.Get, "/odata/Posts?$top=1");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("excel:" + demo.Factory.AdminKey)));
        (await anonymous.SendAsync(basic)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var query = await anonymous.GetAsync("/odata/Posts?$top=1&api_key=" + Uri.EscapeDataString(demo.Factory.AdminKey));
        query.StatusCode.Should().Be(HttpStatusCode.OK);
        (await query.Content.ReadAsStringAsync()).Should().NotContain(demo.Factory.AdminKey, "the key is never echoed back");

        (await anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AdminKey_File_IsReadableOnlyByItsOwner()
    {
        var mode = File.GetUnixFileMode(Path.Combine(demo.Factory.DataPath, "admin-key.txt"));
        mode.Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        demo.Factory.AdminKey.Should().MatchRegex("^engage_[A-Za-z0-9_-]{43}$", "256 random bits, base64url");
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await demo.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
