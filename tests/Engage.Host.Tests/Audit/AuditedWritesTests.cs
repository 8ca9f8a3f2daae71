using System.Net;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Audit;

/// <summary>
/// Every successful OData write and action appends exactly one AuditEvents row (actor = the key's name, action, row,
/// a summary of what changed) and the chain still verifies; a refused write appends none.
/// </summary>
public sealed class AuditedWritesTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private const string AdminName = "admin (created on first start)";

    private HttpClient Client => demo.Client;

    [Fact]
    public async Task Workspaces_InsertUpdateDelete_OneRowEach()
    {
        var (created, insert) = await OneRowAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Audited", TimeZone = "Europe/Berlin" }, HttpStatusCode.Created, "Workspaces.Insert");
        var id = Id(created);
        var (_, update) = await OneRowAsync(HttpMethod.Patch, $"/odata/Workspaces({id})", new { Name = "Audited 2" }, HttpStatusCode.NoContent, "Workspaces.Update", id);
        var (_, delete) = await OneRowAsync(HttpMethod.Delete, $"/odata/Workspaces({id})", null, HttpStatusCode.NoContent, "Workspaces.Delete", id);

        insert.EntityId.Should().Be(id);
        insert.EntitySet.Should().Be("Workspaces");
        insert.Details.Should().Contain("Name: 'Audited'").And.Contain("TimeZone: 'Europe/Berlin'").And.Contain("CreatedAt: 20");
        update.Details.Should().Be("Name: 'Audited' -> 'Audited 2'");
        delete.Details.Should().StartWith("Deleted; was ").And.Contain("Name: 'Audited 2'");
        await ChainVerifiesAsync();
    }

    [Fact]
    public async Task ListeningQueriesPublicationsAndMoments_InsertUpdateDelete_OneRowEach()
    {
        var workspace = await DemoWorkspaceAsync();
        var account = await FirstIdAsync("Accounts");
        var contact = await FirstIdAsync("Contacts");
        var longText = "Open late tonight " + new string('x', 200);
        var sets = new (string Set, object Insert, object Update, string Changed)[]
        {
            ("ListeningQueries", new { WorkspaceId = workspace, Name = "Brand", Terms = "engage" }, new { Enabled = false }, "Enabled: true -> false"),
            ("Publications", new { WorkspaceId = workspace, AccountId = account, Text = longText }, new { Status = "PendingApproval" }, "Status: 'Draft' -> 'PendingApproval'"),
            ("Moments", new { WorkspaceId = workspace, OccurredAt = "2026-03-10T12:00:00Z", Change = "Jane Roe became a member", ContactId = contact, PeopleInvolved = "Jane Roe" },
                new { State = "Rejected", Change = "Jane Roe left again" }, "State: 'Confirmed' -> 'Rejected'"),
        };

        foreach (var (set, insertBody, updateBody, changed) in sets)
        {
            var (created, insert) = await OneRowAsync(HttpMethod.Post, $"/odata/{set}", insertBody, HttpStatusCode.Created, $"{set}.Insert");
            var id = Id(created);
            var (_, update) = await OneRowAsync(HttpMethod.Patch, $"/odata/{set}({id})", updateBody, HttpStatusCode.NoContent, $"{set}.Update", id);
            var (_, delete) = await OneRowAsync(HttpMethod.Delete, $"/odata/{set}({id})", null, HttpStatusCode.NoContent, $"{set}.Delete", id);

            insert.EntityId.Should().Be(id);
            update.Details.Should().Contain(changed);
            foreach (var row in new[] { insert, update, delete })
            {
                row.Details.Should().NotContain("Jane Roe", "personal text about contacts is never copied into the audit trail");
                row.Details!.Length.Should().BeLessThan(2001);
            }

            if (set == "Publications")
            {
                insert.Details.Should().Contain("Text: 'Open late tonight xxx").And.Contain("…' (218 characters)").And.Contain($"CreatedBy: '{AdminName}'");
            }

            if (set == "Moments")
            {
                update.Details.Should().Contain("Change: (changed; personal data is not recorded)");
                insert.Details.Should().Contain("PeopleInvolved: (set; personal data is not recorded)");
            }
        }

        await ChainVerifiesAsync();
    }

    [Fact]
    public async Task ContactsInteractionsAndConnections_Update_OneRowEach_AndAConnectionWithoutDataIsDeleted()
    {
        var contact = await FirstIdAsync("Contacts");
        var interaction = await FirstIdAsync("Interactions");
        var connection = await FirstIdAsync("Connections");

        var (_, contactRow) = await OneRowAsync(HttpMethod.Patch, $"/odata/Contacts({contact})", new { IsCustomer = true, Tags = "vip,complained" }, HttpStatusCode.NoContent, "Contacts.Update", contact);
        var (_, interactionRow) = await OneRowAsync(HttpMethod.Patch, $"/odata/Interactions({interaction})", new { Team = "Support", AssignedTo = "kim" }, HttpStatusCode.NoContent, "Interactions.Update", interaction);
        var (_, connectionRow) = await OneRowAsync(HttpMethod.Patch, $"/odata/Connections({connection})", new { DisplayName = "Audited feed" }, HttpStatusCode.NoContent, "Connections.Update", connection);
        var unused = await InsertUnusedConnectionAsync(await DemoWorkspaceAsync());
        await OneRowAsync(HttpMethod.Delete, $"/odata/Connections({unused})", null, HttpStatusCode.NoContent, "Connections.Delete", unused);

        contactRow.Details.Should().Contain("Tags: (changed; personal data is not recorded)").And.NotContain("complained");
        interactionRow.Details.Should().Contain("Team: null -> 'Support'").And.Contain("AssignedTo: null -> 'kim'");
        connectionRow.Details.Should().Contain("-> 'Audited feed'");
        await ChainVerifiesAsync();
    }

    [Fact]
    public async Task Reply_Action_OneRowNamingTheActionAndTheReply()
    {
        var interaction = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Inbound'&$top=1&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (reply, row) = await OneRowAsync(HttpMethod.Post, $"/odata/Interactions({interaction})/Engage.Reply", new { Text = "Thanks, we are on it" }, HttpStatusCode.OK, "Interactions.Engage.Reply", interaction);

        row.EntitySet.Should().Be("Interactions");
        row.Details.Should().Be($"Text: 'Thanks, we are on it'; result Publications({Id(reply)})");
        await ChainVerifiesAsync();
    }

    [Fact]
    public async Task RefusedWrites_400_409_412_AndRefusedActions_AppendNoRow()
    {
        var demoWorkspace = await DemoWorkspaceAsync();
        var outbound = (await Client.GetJsonAsync("/odata/Interactions?$filter=Direction eq 'Outbound'&$top=1&$select=Id")).GetProperty("value");
        var before = await AuditRows.LastIdAsync(demo.Factory.DataPath);

        var invalid = await Client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Bad zone", TimeZone = "Mars/Olympus" });
        var conflict = await Client.SendJsonAsync(HttpMethod.Delete, $"/odata/Workspaces({demoWorkspace})");
        var stale = await Client.SendJsonAsync(HttpMethod.Patch, $"/odata/Workspaces({demoWorkspace})", new { TimeZone = "UTC" }, ("If-Match", "W/\"999\""));
        var emptyReply = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({await FirstIdAsync("Interactions")})/Engage.Reply", new { Text = " " });
        var notAllowed = await Client.SendJsonAsync(HttpMethod.Post, "/odata/AuditEvents", new { Actor = "me" });

        invalid.Status.Should().Be(HttpStatusCode.BadRequest);
        conflict.Status.Should().Be(HttpStatusCode.Conflict);
        stale.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        emptyReply.Status.Should().Be(HttpStatusCode.BadRequest);
        notAllowed.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        if (outbound.GetArrayLength() > 0)
        {
            var toOwn = await Client.SendJsonAsync(HttpMethod.Post, $"/odata/Interactions({outbound[0].GetProperty("Id").GetInt64()})/Engage.Reply", new { Text = "hi" });
            toOwn.Status.Should().Be(HttpStatusCode.Conflict);
        }

        (await AuditRows.AfterAsync(demo.Factory.DataPath, before)).Should().BeEmpty();
    }

    private async Task<(JsonAnswer Answer, AuditRow Row)> OneRowAsync(HttpMethod method, string url, object? body, HttpStatusCode expected, string action, string? entityId = null)
    {
        var before = await AuditRows.LastIdAsync(demo.Factory.DataPath);
        var answer = await Client.SendJsonAsync(method, url, body);
        answer.Status.Should().Be(expected, $"{method} {url}: {answer.Body}");
        var row = (await AuditRows.AfterAsync(demo.Factory.DataPath, before)).Should().ContainSingle($"{method} {url} appends one row").Subject;
        row.Actor.Should().Be(AdminName, "the actor is the key's name, never the key");
        row.Action.Should().Be(action);
        if (entityId is not null)
        {
            row.EntityId.Should().Be(entityId);
        }

        return (answer, row);
    }

    private async Task ChainVerifiesAsync()
    {
        var verification = await AuditRows.VerifyAsync(demo.Factory.DataPath);
        verification.Intact.Should().BeTrue(verification.Problem);
    }

    private static string Id(JsonAnswer answer) => answer.Json.GetProperty("Id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> FirstIdAsync(string set) =>
        (await Client.GetJsonAsync($"/odata/{set}?$top=1&$orderby=Id&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> DemoWorkspaceAsync() =>
        (await Client.GetJsonAsync("/odata/Workspaces?$filter=Name eq 'Demo'")).GetProperty("value")[0].GetProperty("Id").GetInt64();

    private async Task<string> InsertUnusedConnectionAsync(long workspace)
    {
        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(demo.Factory.DataPath, "engage.db")}");
        await sqlite.OpenAsync();
        await using var insert = sqlite.CreateCommand();
        insert.CommandText = """
            INSERT INTO Connections (WorkspaceId, Plugin, Connector, Network, DisplayName, Status, CreatedAt)
            VALUES (@w, 'engage.demo', 'demo', 'demo', 'Unused', 'Disabled', '2026-01-01T00:00:00.0000000Z') RETURNING Id
            """;
        insert.Parameters.AddWithValue("@w", workspace);
        return ((long)(await insert.ExecuteScalarAsync())!).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
