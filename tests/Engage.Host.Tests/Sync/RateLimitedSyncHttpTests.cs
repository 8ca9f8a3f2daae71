using System.Globalization;
using System.Net;
using System.Text.Json;
using Engage.Host.Tests.Http;
using Engage.Host.Tests.Infrastructure;
using Engage.Host.Tests.Plugins;

namespace Engage.Host.Tests.Sync;

/// <summary>
/// <c>POST /api/connections/{id}/sync</c> through the real host with a Roslyn-built connector that stores one batch and is then
/// throttled for an hour: the answer and the connection (read over OData) show the pause, not a failure.
/// </summary>
public sealed class RateLimitedSyncHttpTests : IDisposable
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Engage.Sdk.Connectors;
        using Engage.Sdk.Failures;
        using Engage.Sdk.Items;
        using Engage.Sdk.Plugins;

        namespace Fixture
        {
            public sealed class FixturePlugin : IEngagePlugin
            {
                public void Register(IPluginRegistrar registrar) => registrar.AddConnector(new ThrottledConnector());
            }

            public sealed class ThrottledConnector : IConnector, IPullSession
            {
                public ConnectorInfo Info { get; } = new ConnectorInfo("throttled", "Throttled", "throttlenet", ConnectorCapabilities.Pull);

                public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => Array.Empty<SettingError>();

                public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken) =>
                    Task.FromResult<IConnectorSession>(this);

                public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken) => cursor is null
                    ? Task.FromResult(new SyncBatch { Accounts = new[] { new AccountItem("acc", "@acc") }, NextCursor = "1", HasMore = true })
                    : throw new PluginException("429 Too many requests: the window resets in an hour", PluginFailureKind.RateLimited, TimeSpan.FromHours(1));

                public ValueTask DisposeAsync() => default;
            }
        }
        """;

    private readonly FixturePluginBuilder _plugins = new();
    private readonly EngageAppFactory _factory = new();

    public RateLimitedSyncHttpTests()
    {
        _plugins.AddPlugin("fixture.throttled", "throttled", Source);
        _factory.Settings["Engage:PluginsPath"] = _plugins.PluginsPath;
        _factory.Settings["Engage:Scheduler:Enabled"] = "false"; // only the request below runs the connection
    }

    [Fact]
    public async Task PostSync_ThrottledAfterOneBatch_AnswersRateLimitedWithTheResumeTime_AndTheConnectionShowsNoError()
    {
        using var client = _factory.CreateAuthenticatedClient();
        var workspace = (await client.SendJsonAsync(HttpMethod.Post, "/odata/Workspaces", new { Name = "Throttled", TimeZone = "UTC" })).Json.GetProperty("Id").GetInt64();
        var created = await client.SendJsonAsync(HttpMethod.Post, "/odata/Connections",
            new { WorkspaceId = workspace, Plugin = "fixture.throttled", Connector = "throttled", DisplayName = "Throttled", Settings = "{}" });
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        var id = created.Json.GetProperty("Id").GetInt64();
        var before = DateTimeOffset.UtcNow;

        var answer = await client.SendJsonAsync(HttpMethod.Post, $"/api/connections/{id}/sync");

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        var run = answer.Json;
        run.GetProperty("status").GetString().Should().Be("RateLimited");
        run.GetProperty("connectionStatus").GetString().Should().Be("RateLimited");
        run.GetProperty("itemsFetched").GetInt32().Should().Be(1, "the batch before the limit is kept");
        run.GetProperty("error").GetString().Should().Contain("Rate limited (not an error)").And.Contain("429 Too many requests")
            .And.Contain("Kept what it stored before the limit: 1 item in 1 batch;");
        var next = run.GetProperty("nextSyncAt").GetDateTimeOffset();
        next.Should().BeOnOrAfter(before.AddHours(1)).And.BeBefore(before.AddHours(1).AddMinutes(10), "the network's reset, an hour away");

        var connection = await client.GetJsonAsync($"/odata/Connections({id})");
        connection.GetProperty("Status").GetString().Should().Be("RateLimited");
        connection.GetProperty("LastError").ValueKind.Should().Be(JsonValueKind.Null);
        connection.GetProperty("NextSyncAt").GetDateTimeOffset().Should().Be(next);
        var runs = (await client.GetJsonAsync($"/odata/SyncRuns?$filter=ConnectionId eq {id}")).GetProperty("value");
        runs.GetArrayLength().Should().Be(1);
        runs[0].GetProperty("Status").GetString().Should().Be("RateLimited");
        long.Parse(await client.GetStringAsync($"/odata/Accounts/$count?$filter=ConnectionId eq {id}"), CultureInfo.InvariantCulture).Should().Be(1);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _plugins.Dispose();
    }
}
