using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Sync;
using Engage.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Sync;

/// <summary>Finding a connector for a new connection, and a connector storing one of its own secrets.</summary>
public sealed class ConnectionSetupTests
{
    [Fact]
    public async Task Find_QuarantinedPluginOrUnknownConnector_SaysWhy()
    {
        using var harness = await SyncHarness.CreateAsync();
        var plugins = await harness.UsePluginsAsync(("test.a", new ScriptedConnector([])), ("test.b", new ScriptedConnector([])));
        plugins[1].SetStatus(PluginStatus.Quarantined, "Quarantined after 5 failures in a row");
        var setup = Setup(harness);

        setup.Find("test.a", "scripted").Found.Should().BeTrue();
        setup.Find("test.a", "other").ConnectorProblem.Should().Contain("has no connector 'other'").And.Contain("'scripted'");
        setup.Find("test.b", "scripted").PluginProblem.Should().Contain("Quarantined");
        setup.Find("test.c", "scripted").PluginProblem.Should().Contain("No plugin 'test.c'").And.Contain("'test.a'");
    }

    [Fact]
    public async Task CheckAsync_ConnectorBlocksPastTheLimit_IsAFaultOfThePlugin()
    {
        using var harness = await SyncHarness.CreateAsync();
        var plugins = await harness.UsePluginsAsync(("test.slow", new SlowConnector()));
        var invoker = new PluginInvoker(
            new PluginInvokerOptions { CancellationGrace = TimeSpan.FromMilliseconds(50), QuarantineAfterFaults = 3 },
            NullLogger<PluginInvoker>.Instance);
        var setup = new ConnectionSetup(harness.Catalog, invoker, Protection(harness), harness.Time, TimeSpan.FromMilliseconds(100));
        var lookup = setup.Find("test.slow", "slow");
        var change = SettingsChange.Apply(lookup.Connector!.Info, new Dictionary<string, string?>(), new Dictionary<string, string>());

        var call = () => setup.CheckAsync(lookup.Plugin!, lookup.Connector, change, CancellationToken.None);

        (await call.Should().ThrowAsync<PluginCallException>()).Which.IsFault.Should().BeTrue();
        plugins[0].ConsecutiveFaults.Should().Be(1, "a check that overruns counts towards quarantine like any plugin fault");
    }

    [Fact]
    public async Task SecretSetByTheConnector_UpdatesTheMarkerAndTheETag_OnlyForDeclaredSecrets()
    {
        using var harness = await SyncHarness.CreateAsync();
        var info = new ConnectorInfo("vault", "Vault", "vaultnet", ConnectorCapabilities.Pull)
        {
            Settings = [new SettingDefinition("url", "URL"), new SettingDefinition("token", "Token") { IsSecret = true }],
        };
        var id = await harness.Db.AddConnectionAsync(await harness.Db.AddWorkspaceAsync(), "test.vault", "vault");
        var protector = Protection(harness).CreateProtector(ConnectionSecrets.Purpose);
        await harness.Db.ScalarAsync("UPDATE Connections SET Settings = '{\"url\":\"https://a\"}' WHERE Id = @id", ("@id", id));
        var secrets = new ConnectionSecrets(harness.Db.Database, protector, id, info);

        await secrets.SetAsync("session", "own", CancellationToken.None);
        var afterOwn = await SettingsAndVersionAsync(harness, id);
        await secrets.SetAsync("token", "t-1", CancellationToken.None);
        var afterToken = await SettingsAndVersionAsync(harness, id);
        await secrets.SetAsync("token", null, CancellationToken.None);
        var afterRemoval = await SettingsAndVersionAsync(harness, id);

        afterOwn.Should().Be(("{\"url\":\"https://a\"}", 2L), "setting the URL above made it version 2; a secret the connector did not declare gets no marker and changes no published column");
        afterToken.Should().Be(("{\"url\":\"https://a\",\"token\":\"(set)\"}", 3L));
        afterRemoval.Should().Be(("{\"url\":\"https://a\"}", 4L));
        (await secrets.GetAsync("session", CancellationToken.None)).Should().Be("own");
        (await secrets.GetAsync("token", CancellationToken.None)).Should().BeNull();
    }

    /// <summary>A connector whose settings check blocks its thread (ignoring any cancellation) for two seconds.</summary>
    private sealed class SlowConnector : IConnector
    {
        public ConnectorInfo Info { get; } = new("slow", "Slow", "slow", ConnectorCapabilities.Pull);

        public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings)
        {
            Thread.Sleep(2000);
            return [];
        }

        public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private static ConnectionSetup Setup(SyncHarness harness) => new(harness.Catalog, harness.Invoker, Protection(harness), harness.Time);

    private static IDataProtectionProvider Protection(SyncHarness harness) =>
        DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(harness.Db.Folder, "keys")));

    private static async Task<(string?, long?)> SettingsAndVersionAsync(SyncHarness harness, long id) =>
        ((string?)await harness.Db.ScalarAsync("SELECT Settings FROM Connections WHERE Id = @id", ("@id", id)),
         (long?)await harness.Db.ScalarAsync("SELECT RowVersion FROM Connections WHERE Id = @id", ("@id", id)));
}
