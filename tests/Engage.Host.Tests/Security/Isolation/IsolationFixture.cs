using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Engage.Host.Security;
using Engage.Host.Store;
using Engage.Host.Tests.Http;
using Engage.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// Two workspaces with rows in every workspace-scoped entity set: A (the demo workspace) and B (a second demo
/// connection with another seed), each synced once (the scheduler is off, so nothing changes while the tests run),
/// with metrics, a report, a listening query, moments and publications. Keys for each role scoped to A (and an Admin
/// scoped to A), and the first-start Admin key for all workspaces. Every navigation also gets planted cross-workspace
/// links (<see cref="CrossLinks"/>) that only the row scope keeps out of A's answers.
/// </summary>
public sealed class IsolationFixture : IAsyncLifetime
{
    public EngageAppFactory Factory { get; } = new();

    public long A { get; private set; }

    public long B { get; private set; }

    /// <summary>The first-start key: Admin, all workspaces.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A client per principal scoped to workspace A, by name: Editor, Approver, Analyst, and ScopedAdmin (an Admin key for A only).</summary>
    public IReadOnlyDictionary<string, HttpClient> ScopedClients => _clients;

    /// <summary>The name each scoped key was created with (recorded as CreatedBy, ApprovedBy…).</summary>
    public static string KeyName(string principal) => "isolation " + principal;

    internal static readonly (string Name, Role Role)[] ScopedPrincipals =
        [("Editor", Role.Editor), ("Approver", Role.Approver), ("Analyst", Role.Analyst), ("ScopedAdmin", Role.Admin)];

    internal CrossLinks Links { get; private set; } = null!;

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public HttpClient Client(string principal) => principal == "Admin" ? Admin : _clients[principal];

    public async Task InitializeAsync()
    {
        Factory.Settings["Engage:Scheduler:Enabled"] = "false";
        Factory.Settings["Engage:Demo:SyncIntervalSeconds"] = "86400";
        Admin = Factory.CreateAuthenticatedClient();
        A = (await Admin.GetJsonAsync("/odata/Workspaces?$filter=Name eq 'Demo'")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        var demoConnection = (await Admin.GetJsonAsync($"/odata/Connections?$filter=WorkspaceId eq {A}")).GetProperty("value")[0].GetProperty("Id").GetInt64();
        await SyncAsync(demoConnection);

        var created = await Admin.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Other client", TimeZone = "America/New_York" });
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        B = created.Json.GetProperty("Id").GetInt64();
        var connection = await Admin.SendJsonAsync(HttpMethod.Post, "/odata/Connections", new
        {
            WorkspaceId = B, Plugin = "engage.demo", Connector = "demo", DisplayName = "Other demo", IntervalSeconds = 604800,
            Settings = JsonSerializer.Serialize(new { seed = "7", historyDays = "20" }),
        });
        connection.Status.Should().Be(HttpStatusCode.Created, connection.Body);
        await SyncAsync(connection.Json.GetProperty("Id").GetInt64());

        foreach (var workspace in new[] { A, B })
        {
            await SeedPeopleDataAsync(workspace);
        }

        var database = Factory.Services.GetRequiredService<EngageDatabase>();
        await using (var db = await database.OpenAsync(CancellationToken.None))
        {
            foreach (var (name, role) in ScopedPrincipals)
            {
                var key = await ApiKeyStore.InsertAsync(db, null, KeyName(name), role.ToString(), A.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    null, DateTimeOffset.UtcNow, CancellationToken.None);
                var client = Factory.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
                _clients[name] = client;
            }

            Links = await CrossLinks.PlantAsync(db, A, B);
        }

        await RequireRowsInBothAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Admin.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>How many rows of <paramref name="set"/> workspace A holds, counted by the all-workspaces Admin.</summary>
    public async Task<long> CountInAAsync(string set, string? extraFilter = null)
    {
        var scope = IsolationModel.ScopeFilter(set, A);
        var filter = scope is null ? extraFilter : extraFilter is null ? scope : $"({scope}) and ({extraFilter})";
        var text = await Admin.GetStringAsync($"/odata/{set}/$count" + (filter is null ? "" : "?$filter=" + Uri.EscapeDataString(filter)));
        return long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The Id of some row of <paramref name="set"/> in <paramref name="workspace"/>.</summary>
    public async Task<long> SomeIdAsync(string set, long workspace) =>
        (await Admin.GetJsonAsync($"/odata/{set}?$filter={Uri.EscapeDataString(IsolationModel.ScopeFilter(set, workspace)!)}&$top=1&$select=Id"))
            .GetProperty("value")[0].GetProperty("Id").GetInt64();

    private async Task SyncAsync(long connection)
    {
        var answer = await Admin.SendJsonAsync(HttpMethod.Post, $"/api/connections/{connection}/sync");
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        answer.Json.GetProperty("status").GetString().Should().Be("Succeeded", answer.Body);
    }

    private async Task SeedPeopleDataAsync(long workspace)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var metrics = await Admin.SendJsonAsync(HttpMethod.Post, $"/api/workspaces/{workspace}/metrics/compute?from={today.AddDays(-30):yyyy-MM-dd}");
        metrics.Status.Should().Be(HttpStatusCode.OK, metrics.Body);
        var report = await Admin.SendJsonAsync(HttpMethod.Post, "/api/reports",
            new { workspaceId = workspace, template = "workspace-summary", periodStart = today.AddDays(-30).ToString("yyyy-MM-dd"), periodEnd = today.ToString("yyyy-MM-dd") });
        report.Status.Should().Be(HttpStatusCode.Created, report.Body);
        var contact = await SomeIdAsync("Contacts", workspace);
        var account = await SomeIdAsync("Accounts", workspace);
        foreach (var (set, body) in new (string, object)[]
                 {
                     ("ListeningQueries", new { WorkspaceId = workspace, Name = "Brand", Terms = "engage,enagage" }),
                     ("Moments", new { WorkspaceId = workspace, OccurredAt = "2026-03-10T23:30:00Z", Change = "Became a member", ContactId = contact }),
                     ("Publications", new { WorkspaceId = workspace, AccountId = account, Text = "Open late tonight" }),
                 })
        {
            var answer = await Admin.SendJsonAsync(HttpMethod.Post, "/odata/" + set, body);
            answer.Status.Should().Be(HttpStatusCode.Created, answer.Body);
        }
    }

    private async Task RequireRowsInBothAsync()
    {
        foreach (var set in IsolationModel.ScopedSets)
        {
            foreach (var workspace in new[] { A, B })
            {
                var filter = Uri.EscapeDataString(IsolationModel.ScopeFilter(set, workspace)!);
                var count = long.Parse(await Admin.GetStringAsync($"/odata/{set}/$count?$filter={filter}"), System.Globalization.CultureInfo.InvariantCulture);
                count.Should().BePositive($"the isolation tests need rows of {set} in workspace {workspace}: seed them in {nameof(IsolationFixture)}");
            }
        }
    }
}
