using System.Globalization;
using System.Net;
using System.Text.Json;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// The isolation matrix: every workspace-scoped entity set of the model, read by every key scoped to workspace A in
/// every query shape (see <see cref="IsolationCases"/>), never shows a row of workspace B, and its counts equal A's.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class IsolationTests(IsolationFixture fixture)
{
    public static TheoryData<string, string> Reads => IsolationCases.Reads();

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_KeyScopedToA_SeesNothingOfB(string set, string shape)
    {
        foreach (var (principal, _) in IsolationFixture.ScopedPrincipals)
        {
            await ReadAsync(new ScopedReader(fixture, principal), set, shape);
        }
    }

    private async Task ReadAsync(ScopedReader reader, string set, string shape)
    {
        var scope = IsolationModel.ScopeProperty(set)!;
        var (a, b) = (fixture.A, fixture.B);
        var count = await fixture.CountInAAsync(set);
        var parts = shape.Split(':');
        var navigation = parts.Length > 1 ? IsolationModel.Navigations(set).Single(n => n.Name == parts[1]) : default;
        var targetScope = navigation.Target is null ? null : IsolationModel.ScopeProperty(navigation.Target);
        switch (parts[0])
        {
            case "collection":
                (await reader.AllPagesAsync(set, $"/odata/{set}")).Should().HaveCount((int)count);
                break;
            case "filter-escape":
                (await reader.FeedAsync(set, $"/odata/{set}?$filter={scope} eq {b} or {scope} ne {a}")).Rows.Should().BeEmpty();
                break;
            case "filter-count":
                (await reader.FeedAsync(set, $"/odata/{set}?$filter=Id gt 0&$count=true&$top=3")).Json.GetProperty("@odata.count").GetInt64().Should().Be(count);
                break;
            case "orderby-top":
                var expected = (await fixture.Admin.GetJsonAsync($"/odata/{set}?$filter={scope} eq {a}&$orderby=Id desc&$top=5&$select=Id")).GetProperty("value")
                    .EnumerateArray().Select(r => r.GetProperty("Id").GetInt64());
                (await reader.FeedAsync(set, $"/odata/{set}?$orderby=Id desc&$top=5")).Rows.Select(r => r.GetProperty("Id").GetInt64()).Should().Equal(expected);
                break;
            case "select":
                (await reader.AllPagesAsync(set, $"/odata/{set}?$select=Id,{scope}")).Should().HaveCount((int)count);
                break;
            case "count-segment":
                (await CountAsync(reader, $"/odata/{set}/$count")).Should().Be(count);
                break;
            case "count-segment-filter":
                (await CountAsync(reader, $"/odata/{set}/$count?$filter={scope} eq {b} or Id gt 0")).Should().Be(count);
                break;
            case "apply-groupby":
                var groups = (await reader.FeedAsync(set, $"/odata/{set}?$apply=groupby(({scope}),aggregate($count as N))")).Rows;
                groups.Should().ContainSingle().Which.GetProperty("N").GetInt64().Should().Be(count);
                break;
            case "apply-aggregate":
                (await reader.FeedAsync(set, $"/odata/{set}?$apply=aggregate($count as N)")).Rows.Single().GetProperty("N").GetInt64().Should().Be(count);
                break;
            case "search" when IsolationModel.Searchable(set):
                var found = (await reader.FeedAsync(set, $"/odata/{set}?$search=e&$count=true&$top=50")).Json.GetProperty("@odata.count").GetInt64();
                found.Should().Be(await CountAsync(fixture.Admin, $"/odata/{set}/$count?$search=e&$filter={scope} eq {a}"));
                break;
            case "key-of-B":
                var other = await fixture.SomeIdAsync(set, b);
                (await reader.GetAsync($"/odata/{set}({other})")).Status.Should().Be(HttpStatusCode.NotFound);
                (await reader.GetAsync($"/odata/{set}({other})?$expand={FirstNavigation(set)}")).Status.Should().Be(HttpStatusCode.NotFound);
                break;
            case "key-of-A":
                var mine = await reader.GetAsync($"/odata/{set}({await fixture.SomeIdAsync(set, a)})");
                mine.Status.Should().Be(HttpStatusCode.OK, mine.Body);
                reader.RequireInA(set, mine.Json, set);
                break;
            case "next-links":
                var pageSize = Math.Max(1, count / 4) + 1;
                (await reader.AllPagesAsync(set, $"/odata/{set}?$orderby={scope} desc,Id", ("Prefer", $"odata.maxpagesize={pageSize}"))).Should().HaveCount((int)count);
                break;
            case "tampered-token":
                await TamperedTokenAsync(reader, set, scope);
                break;
            case "foreign-token":
                await ForeignTokenAsync(reader, set, scope);
                break;
            case "expand":
                await reader.FeedAsync(set, $"/odata/{set}?$expand={navigation.Name}&$top=200");
                break;
            case "expand-planted":
                if (PlantedRow(set, navigation) is { } planted)
                {
                    var row = (await reader.FeedAsync(set, $"/odata/{set}?$filter=Id eq {planted}&$expand={navigation.Name}")).Rows.Should().ContainSingle().Subject;
                    if (!navigation.Collection)
                    {
                        row.GetProperty(navigation.Name).ValueKind.Should().Be(JsonValueKind.Null, "the planted row points into workspace B");
                    }
                }

                break;
            case "path":
                await PathAsync(reader, set, navigation);
                break;
            case "path-count" when navigation.Collection:
                var parent = PlantedRow(set, navigation) ?? await fixture.SomeIdAsync(set, a);
                var listed = await reader.AllPagesAsync(navigation.Target!, $"/odata/{set}({parent})/{navigation.Name}");
                (await CountAsync(reader, $"/odata/{set}({parent})/{navigation.Name}/$count")).Should().Be(listed.Count);
                break;
            case "filter-through":
                var through = navigation.Collection ? $"{navigation.Name}/any(x: x/{targetScope} eq {b})" : $"{navigation.Name}/{targetScope} eq {b}";
                (await reader.FeedAsync(set, $"/odata/{set}?$filter={through}")).Rows.Should().BeEmpty();
                break;
            case "apply-through" when !navigation.Collection:
                await reader.AllPagesAsync(set, $"/odata/{set}?$apply=groupby(({navigation.Name}/{targetScope}))");
                break;
            case "search" or "path-count" or "apply-through":
                break;
            default:
                throw new InvalidOperationException($"Unknown shape '{shape}'.");
        }
    }

    private long? PlantedRow(string set, (string Name, string Target, bool Collection) navigation) =>
        (navigation.Collection ? fixture.Links.Inward : fixture.Links.Outward).TryGetValue((set, navigation.Name), out var id) ? id : null;

    private async Task PathAsync(ScopedReader reader, string set, (string Name, string Target, bool Collection) navigation)
    {
        var planted = PlantedRow(set, navigation);
        var parent = planted ?? await fixture.SomeIdAsync(set, fixture.A);
        if (navigation.Collection)
        {
            await reader.AllPagesAsync(navigation.Target, $"/odata/{set}({parent})/{navigation.Name}");
            return;
        }

        var answer = await reader.GetAsync($"/odata/{set}({parent})/{navigation.Name}");
        if (planted is not null)
        {
            answer.Status.Should().Be(HttpStatusCode.NoContent, $"{set}({parent})/{navigation.Name} points into workspace B: {answer.Body}");
        }
        else if (answer.Status == HttpStatusCode.OK)
        {
            reader.RequireInA(navigation.Target, answer.Json, $"{set}({parent})/{navigation.Name}");
        }

        var foreign = await fixture.SomeIdAsync(set, fixture.B);
        (await reader.GetAsync($"/odata/{set}({foreign})/{navigation.Name}")).Status.Should().Be(HttpStatusCode.NotFound, "the parent is in workspace B");
    }

    private static async Task TamperedTokenAsync(ScopedReader reader, string set, string scope)
    {
        var (_, json) = await reader.FeedAsync(set, $"/odata/{set}?$select=Id,{scope}", ("Prefer", "odata.maxpagesize=1"));
        if (!json.TryGetProperty("@odata.nextLink", out var link))
        {
            return;
        }

        var next = link.GetString()!;
        var at = next.IndexOf("$skiptoken=", StringComparison.Ordinal) + "$skiptoken=".Length;
        var tampered = next[..at] + (next[at] == 'A' ? 'B' : 'A') + next[(at + 1)..];
        var answer = await reader.GetAsync(tampered, ("Prefer", "odata.maxpagesize=1"));
        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
    }

    /// <summary>A valid token of the same query taken by the all-workspaces key, positioned among other workspaces' rows, replayed by the scoped key.</summary>
    private async Task ForeignTokenAsync(ScopedReader reader, string set, string scope)
    {
        var url = $"/odata/{set}?$select=Id,{scope}&$orderby={scope} desc,Id";
        var admin = await fixture.Admin.SendJsonAsync(HttpMethod.Get, url, null, ("Prefer", "odata.maxpagesize=1"));
        admin.Json.GetProperty("value")[0].GetProperty(scope).GetInt64().Should().BeGreaterThan(fixture.A, "later workspaces sort first, so the admin's token sits among their rows");
        var next = admin.Json.GetProperty("@odata.nextLink").GetString()!;
        var rows = await reader.AllPagesAsync(set, next, ("Prefer", "odata.maxpagesize=1000"));
        rows.Should().HaveCount((int)await fixture.CountInAAsync(set), "the token only moves where the page starts; the scope still holds");
    }

    private static string FirstNavigation(string set) => IsolationModel.Navigations(set).Select(n => n.Name).FirstOrDefault() ?? "";

    private static async Task<long> CountAsync(ScopedReader reader, string url) => await CountAsync(reader.Client, url);

    private static async Task<long> CountAsync(HttpClient client, string url)
    {
        var answer = await client.SendJsonAsync(HttpMethod.Get, url);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        return long.Parse(answer.Body, CultureInfo.InvariantCulture);
    }
}
