using System.Net;
using System.Text.Json;

namespace Engage.Host.Tests.Http;

/// <summary>Create, change and delete through OData on the demo workspace, with validation errors naming the property.</summary>
public sealed class DemoWriteTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private HttpClient Client => demo.Client;

    [Fact]
    public async Task Workspaces_CreateRenameAndDelete_AndRefuseToDeleteOneWithData()
    {
        var created = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Agency X", TimeZone = "Europe/Berlin" });
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var id = created.Json.GetProperty("Id").GetInt64();
        created.Json.GetProperty("CreatedAt").GetString().Should().EndWith("Z");
        created.Header("ETag").Should().Be("W/\"1\"");

        var badZone = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Workspaces({id})", new { TimeZone = "Mars/Olympus" });
        var taken = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Demo" });
        var blank = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "  " });
        var renamed = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Workspaces({id})", new { Name = "Agency Y" }, ("If-Match", "W/\"1\""));
        var demoId = await DemoWorkspaceAsync();
        var refused = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Workspaces({demoId})");
        var deleted = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Workspaces({id})", null, ("If-Match", "W/\"2\""));

        badZone.Status.Should().Be(HttpStatusCode.BadRequest);
        badZone.ErrorTarget.Should().Be("TimeZone");
        taken.Status.Should().Be(HttpStatusCode.BadRequest);
        taken.ErrorTarget.Should().Be("Name");
        blank.ErrorTarget.Should().Be("Name");
        renamed.Status.Should().Be(HttpStatusCode.NoContent, renamed.Body);
        renamed.Header("ETag").Should().Be("W/\"2\"");
        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("still holds data").And.Contain("Interactions");
        deleted.Status.Should().Be(HttpStatusCode.NoContent, deleted.Body);
        (await Client.SendJsonAsync(HttpMethod.Get, $"/odata/Workspaces({demoId})")).Status.Should().Be(HttpStatusCode.OK);
        (await Client.SendJsonAsync(HttpMethod.Get, $"/odata/Workspaces({id})")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListeningQueries_CreateDisableAndDelete_WithDefaultsAndLimits()
    {
        var workspace = await DemoWorkspaceAsync();

        var tooManyTypos = await Client.SendJsonAsync(HttpMethod.Post, "/odata/ListeningQueries", new { WorkspaceId = workspace, Name = "Brand", Terms = "engage", MaxTypos = 3 });
        var noWorkspace = await Client.SendJsonAsync(HttpMethod.Post, "/odata/ListeningQueries", new { WorkspaceId = 999_999, Name = "Brand", Terms = "engage" });
        var created = await Client.SendJsonAsync(HttpMethod.Post, "/odata/ListeningQueries",
            new { WorkspaceId = workspace, Name = "Brand", Terms = "engage,enagage", Networks = "mastodon,bluesky" });
        var id = created.Json.GetProperty("Id").GetInt64();
        var disabled = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/ListeningQueries({id})", new { Enabled = false }, ("Prefer", "return=representation"));
        var moved = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/ListeningQueries({id})", new { WorkspaceId = 2 });
        var deleted = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/ListeningQueries({id})");

        tooManyTypos.Status.Should().Be(HttpStatusCode.BadRequest);
        tooManyTypos.ErrorTarget.Should().Be("MaxTypos");
        noWorkspace.ErrorTarget.Should().Be("WorkspaceId");
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        created.Json.GetProperty("MaxTypos").GetInt32().Should().Be(1, "the store's default");
        created.Json.GetProperty("Enabled").GetBoolean().Should().BeTrue();
        disabled.Status.Should().Be(HttpStatusCode.OK, disabled.Body);
        disabled.Json.GetProperty("Enabled").GetBoolean().Should().BeFalse();
        moved.ErrorTarget.Should().Be("WorkspaceId");
        deleted.Status.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Moments_LogChangeAndDelete_ServerSetsTheDayAndTheAuthor()
    {
        var workspace = await DemoWorkspaceAsync();
        var contact = (await Client.GetJsonAsync("/odata/Contacts?$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();

        var badState = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Moments",
            new { WorkspaceId = workspace, OccurredAt = "2026-03-10T23:30:00Z", Change = "Thanked us", State = "Maybe", ContactId = 999_999 });
        var created = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Moments",
            new { WorkspaceId = workspace, OccurredAt = "2026-03-10T23:30:00Z", Change = "Became a member after our reply", ContactId = contact, IsExistingCustomer = true });
        var id = created.Json.GetProperty("Id").GetInt64();
        var rejected = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Moments({id})", new { State = "Rejected" });
        var source = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Moments({id})", new { Source = "Suggested" });
        var deleted = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Moments({id})");

        badState.Status.Should().Be(HttpStatusCode.BadRequest);
        badState.DetailTargets.Should().BeEquivalentTo("State", "ContactId");
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var moment = created.Json;
        moment.GetProperty("OccurredOn").GetString().Should().Be("2026-03-11", "23:30 UTC is the next day in Europe/Paris");
        moment.GetProperty("Source").GetString().Should().Be("Manual");
        moment.GetProperty("State").GetString().Should().Be("Confirmed");
        moment.GetProperty("LoggedBy").GetString().Should().NotBeNullOrEmpty();
        rejected.Status.Should().Be(HttpStatusCode.NoContent, rejected.Body);
        source.ErrorTarget.Should().Be("Source");
        deleted.Status.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Publications_DraftSubmitAndDelete_ApprovalIsNotAnEditorsStep()
    {
        var workspace = await DemoWorkspaceAsync();
        var account = (await Client.GetJsonAsync("/odata/Accounts?$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();

        var created = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Publications", new { WorkspaceId = workspace, AccountId = account, Text = "Open late tonight" });
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var id = created.Json.GetProperty("Id").GetInt64();
        var approve = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Publications({id})", new { Status = "Approved" });
        var past = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Publications({id})", new { ScheduledFor = "2001-01-01T00:00:00Z" });
        var approvedBy = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Publications({id})", new { ApprovedBy = "me" });
        var submitted = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Publications({id})",
            new { Status = "PendingApproval", ScheduledFor = DateTimeOffset.UtcNow.AddDays(2).ToString("O") });
        var deleted = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Publications({id})");

        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        created.Json.GetProperty("Status").GetString().Should().Be("Draft");
        created.Json.GetProperty("CreatedBy").GetString().Should().NotBeNullOrEmpty();
        created.Json.GetProperty("Attempts").GetInt32().Should().Be(0);
        approve.ErrorTarget.Should().Be("Status");
        past.ErrorTarget.Should().Be("ScheduledFor");
        approvedBy.ErrorTarget.Should().Be("ApprovedBy");
        submitted.Status.Should().Be(HttpStatusCode.NoContent, submitted.Body);
        deleted.Status.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Connections_RenameDisableAndReEnable_CreateNeedsAConnectorAndDeleteKeepsData()
    {
        var connection = (await Client.GetJsonAsync("/odata/Connections?$top=1")).GetProperty("value")[0];
        var id = connection.GetProperty("Id").GetInt64();

        var renamed = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})", new { DisplayName = "Demo feed", IntervalSeconds = 3600 });
        var disabled = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})", new { Status = "Disabled" }, ("Prefer", "return=representation"));
        var failed = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})", new { Status = "Failed", IntervalSeconds = 5 });
        var enabled = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Connections({id})", new { Status = "Active" }, ("Prefer", "return=representation"));
        var create = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Connections", new { DisplayName = "x" });
        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Connections({id})");

        renamed.Status.Should().Be(HttpStatusCode.NoContent, renamed.Body);
        disabled.Json.GetProperty("Status").GetString().Should().Be("Disabled");
        disabled.Json.GetProperty("DisplayName").GetString().Should().Be("Demo feed");
        disabled.Json.GetProperty("IntervalSeconds").GetInt32().Should().Be(3600);
        failed.DetailTargets.Should().BeEquivalentTo("Status", "IntervalSeconds");
        enabled.Json.GetProperty("Status").GetString().Should().Be("Active");
        enabled.Json.GetProperty("NextSyncAt").ValueKind.Should().Be(JsonValueKind.Null, "switching on makes the connection due at once");
        create.Status.Should().Be(HttpStatusCode.BadRequest, "a connection needs a workspace, a plugin and a connector");
        create.DetailTargets.Should().BeEquivalentTo("WorkspaceId", "Plugin", "Connector");
        delete.Status.Should().Be(HttpStatusCode.Conflict);
        delete.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("Disabled");
    }

    [Fact]
    public async Task Connections_WithoutData_AreDeletedWithTheirRunHistory_ThenTheirWorkspace()
    {
        var workspace = (await Client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Short-lived" })).Json.GetProperty("Id").GetInt64();
        long connection;
        await using (var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(demo.Factory.DataPath, "engage.db")}"))
        {
            await sqlite.OpenAsync();
            await using var insert = sqlite.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, Status, CreatedAt)
                VALUES (@w, 'engage.demo', 'demo', 'demo', 'Unused', 'Disabled', '2026-01-01T00:00:00.0000000Z') RETURNING Id;
                """;
            insert.Parameters.AddWithValue("@w", workspace);
            connection = (long)(await insert.ExecuteScalarAsync())!;
            await using var run = sqlite.CreateCommand();
            run.CommandText = "INSERT INTO SyncRuns (WorkspaceId, ConnectionId, StartedAt, Status) VALUES (@w, @c, '2026-01-01T00:00:00.0000000Z', 'Failed')";
            run.Parameters.AddWithValue("@w", workspace);
            run.Parameters.AddWithValue("@c", connection);
            await run.ExecuteNonQueryAsync();
        }

        var refusedWorkspace = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Workspaces({workspace})");
        var deletedConnection = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Connections({connection})");
        var deletedWorkspace = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Workspaces({workspace})");

        refusedWorkspace.Status.Should().Be(HttpStatusCode.Conflict);
        refusedWorkspace.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("1 Connections").And.Contain("1 SyncRuns");
        deletedConnection.Status.Should().Be(HttpStatusCode.NoContent, deletedConnection.Body);
        deletedWorkspace.Status.Should().Be(HttpStatusCode.NoContent, deletedWorkspace.Body);
        (await Client.GetStringAsync($"/odata/SyncRuns/$count?$filter=ConnectionId eq {connection}")).Should().Be("0");
    }

    [Fact]
    public async Task Contacts_OnlyCustomerFlagAndTagsChange()
    {
        var id = (await Client.GetJsonAsync("/odata/Contacts?$top=1&$skip=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();

        var changed = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Contacts({id})", new { IsCustomer = true, Tags = "vip,press" }, ("Prefer", "return=representation"));
        var handle = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Contacts({id})", new { Handle = "@someone" });
        var badTags = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Contacts({id})", new { Tags = "vip,,press" });
        var post = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Contacts", new { Handle = "@x" });
        var delete = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Contacts({id})");

        changed.Status.Should().Be(HttpStatusCode.OK, changed.Body);
        changed.Json.GetProperty("IsCustomer").GetBoolean().Should().BeTrue();
        changed.Json.GetProperty("Tags").GetString().Should().Be("vip,press");
        handle.ErrorTarget.Should().Be("Handle");
        badTags.ErrorTarget.Should().Be("Tags");
        post.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        delete.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        delete.Header("Allow").Should().Be("GET, PATCH");
    }

    [Fact]
    public async Task Interactions_TriageFieldsChange_OthersAreRefused()
    {
        var id = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Inbound'&$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();

        var triaged = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Interactions({id})",
            new { Status = "Assigned", Team = "Support", AssignedTo = "maria", Sentiment = "Negative" });
        var badStatus = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Interactions({id})", new { Status = "Done" });
        var text = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Interactions({id})", new { Text = "rewritten" });
        var row = await Client.GetJsonAsync($"/odata/Interactions({id})?$select=Status,Team,AssignedTo,Sentiment");

        triaged.Status.Should().Be(HttpStatusCode.NoContent, triaged.Body);
        badStatus.ErrorTarget.Should().Be("Status");
        badStatus.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("'New', 'Assigned', 'Replied', 'Closed', 'Ignored'");
        text.ErrorTarget.Should().Be("Text");
        row.GetProperty("Status").GetString().Should().Be("Assigned");
        row.GetProperty("Team").GetString().Should().Be("Support");
        row.GetProperty("AssignedTo").GetString().Should().Be("maria");
        row.GetProperty("Sentiment").GetString().Should().Be("Negative");
    }

    [Theory]
    [InlineData("POST", "/odata/Posts")]
    [InlineData("PATCH", "/odata/Accounts(1)")]
    [InlineData("DELETE", "/odata/Metrics(1)")]
    [InlineData("POST", "/odata/AuditEvents")]
    [InlineData("DELETE", "/odata/Interactions(1)")]
    [InlineData("POST", "/odata/Interactions")]
    [InlineData("PUT", "/odata/Workspaces(1)")]
    public async Task ReadOnlyOperations_Answer405WithAllow(string method, string url)
    {
        var answer = await Client.SendJsonAsync(new HttpMethod(method), url, "{}");

        answer.Status.Should().Be(HttpStatusCode.MethodNotAllowed, answer.Body);
        answer.Header("Allow").Should().StartWith("GET");
        answer.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("MethodNotAllowed");
    }

    [Fact]
    public async Task EditableSets_SeededHostileBodies_NeverAnswer5xx()
    {
        var workspace = await DemoWorkspaceAsync();
        var interaction = (await Client.GetJsonAsync("/odata/Interactions?$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var contact = (await Client.GetJsonAsync("/odata/Contacts?$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var connection = (await Client.GetJsonAsync("/odata/Connections?$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        (HttpMethod Method, string Url, string[] Names)[] targets =
        [
            (HttpMethod.Post, "/odata/Workspaces", ["Name", "TimeZone", "CreatedAt"]),
            (HttpMethod.Post, "/odata/ListeningQueries", ["WorkspaceId", "Name", "Terms", "MaxTypos", "Networks"]),
            (HttpMethod.Post, "/odata/Moments", ["WorkspaceId", "OccurredAt", "Change", "ContactId", "State", "ConversationUrl"]),
            (HttpMethod.Post, "/odata/Publications", ["WorkspaceId", "AccountId", "Text", "ScheduledFor", "Status"]),
            (HttpMethod.Patch, $"/odata/Interactions({interaction})", ["Status", "Team", "Sentiment", "Text"]),
            (HttpMethod.Patch, $"/odata/Contacts({contact})", ["IsCustomer", "Tags", "Handle"]),
            (HttpMethod.Patch, $"/odata/Connections({connection})", ["Status", "IntervalSeconds", "DisplayName", "Settings"]),
            (HttpMethod.Post, "/odata/Connections", ["WorkspaceId", "Plugin", "Connector", "DisplayName", "Settings"]),
            (HttpMethod.Post, $"/odata/Interactions({interaction})/Engage.Reply", ["Text", "Extra"]),
        ];
        string[] values = ["null", "true", "-1", "0", "1e308", "3000000000", "\"\"", "\" \"", "\"x'); DROP TABLE Interactions; --\"", "[]", "{}",
            "\"2026-13-45\"", "\"2026-01-01T10:00:00\"", "\"Europe/Nowhere\"", "\"New\"", "\"" + new string('y', 6000) + "\"", workspace.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var random = new Random(3);
        var before = await Client.GetStringAsync($"/odata/Interactions({interaction})");

        for (var i = 0; i < 240; i++)
        {
            var (method, url, names) = targets[i % targets.Length];
            // Every body carries an unknown member, so none of them may change anything.
            var members = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"\"{names[random.Next(names.Length)]}\":{values[random.Next(values.Length)]}");
            var body = "{\"Unknown\":1," + string.Join(",", members) + "}";

            var answer = await Client.SendJsonAsync(method, url, body);

            ((int)answer.Status).Should().BeInRange(400, 499, $"{method} {url} {body[..Math.Min(body.Length, 160)]}: {answer.Body}");
            answer.Json.GetProperty("error").GetProperty("message").GetString().Should().NotContain("SQLite").And.NotContain("Exception");
        }

        (await Client.GetStringAsync($"/odata/Interactions({interaction})")).Should().Be(before);
    }

    private async Task<long> DemoWorkspaceAsync() =>
        (await Client.GetJsonAsync("/odata/Workspaces?$filter=Name eq 'Demo'")).GetProperty("value")[0].GetProperty("Id").GetInt64();
}
