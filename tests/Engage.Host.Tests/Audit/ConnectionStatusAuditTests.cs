using Engage.Host.Sync;
using Engage.Host.Tests.Sync;
using Engage.Sdk.Failures;

namespace Engage.Host.Tests.Audit;

/// <summary>A run that changes its connection's status appends an audit row (actor "system"); a run that keeps it appends none.</summary>
public sealed class ConnectionStatusAuditTests
{
    [Fact]
    public async Task Run_CredentialsRefused_AuditsTheStatusChangeOnce_ASuccessfulRunOnAnActiveConnectionNone()
    {
        using var harness = await SyncHarness.CreateAsync();
        var refused = new ScriptedConnector(ScriptedConnector.Numbered(2))
        {
            ConnectFailure = new PluginException("401 The access token is invalid", PluginFailureKind.CredentialsInvalid),
        };
        await harness.UsePluginsAsync(("test.refused", refused), ("test.fine", new ScriptedConnector(ScriptedConnector.Numbered(2))));
        var workspace = await harness.Db.AddWorkspaceAsync();
        var failing = await harness.Db.AddConnectionAsync(workspace, "test.refused", "scripted");
        var working = await harness.Db.AddConnectionAsync(workspace, "test.fine", "scripted");
        var before = await AuditRows.LastIdAsync(harness.Db.Folder);

        await harness.Runner.RunAsync(await harness.RecordAsync(failing), CancellationToken.None);
        await harness.Runner.RunAsync(await harness.RecordAsync(failing), CancellationToken.None);
        await harness.Runner.RunAsync(await harness.RecordAsync(working), CancellationToken.None);

        (await harness.RecordAsync(working)).Status.Should().Be(ConnectionStatus.Active);
        var row = (await AuditRows.AfterAsync(harness.Db.Folder, before)).Should().ContainSingle("only the first run changed a status").Subject;
        row.Actor.Should().Be("system");
        row.Action.Should().Be(ConnectionStore.StatusAction);
        row.EntitySet.Should().Be("Connections");
        row.EntityId.Should().Be($"{failing}");
        row.Details.Should().StartWith("Status: 'Active' -> 'NeedsCredentials'; LastError: 'The network refused the credentials");
        (await AuditRows.VerifyAsync(harness.Db.Folder)).Intact.Should().BeTrue();
    }
}
