using System.Text.RegularExpressions;
using Engage.Host.Tests.Audit;
using Engage.Host.Tests.Backup;

namespace Engage.Host.Tests.Security;

/// <summary><c>keys create|list|revoke</c> on a data folder: output, stored rows, audit rows and refusals.</summary>
public sealed partial class OperatorKeysTests
{
    [Fact]
    public async Task Create_PrintsTheKeyOnce_StoresOnlyItsHash()
    {
        using var scene = await BackupScene.CreateAsync();
        var workspace = await AddWorkspaceAsync(scene, "North");

        var result = await scene.RunAsync("keys", "create", "--name", "Power BI refresh", "--role", "analyst", "--workspaces", $"{workspace}", "--expires", "2099-01-31");

        result.ExitCode.Should().Be(0, result.Error);
        var secret = KeyPattern().Match(result.Output).Value;
        secret.Should().NotBeEmpty();
        result.Output.Should().Contain("Store this key now").And.Contain($"Analyst, workspaces {workspace}, expires 2099-01-31T00:00:00.0000000Z");
        var row = await ScalarAsync(scene, "SELECT Name || '|' || Role || '|' || Workspaces || '|' || ExpiresAt || '|' || length(Hash) FROM ApiKeys");
        row.Should().Be($"Power BI refresh|Analyst|{workspace}|2099-01-31T00:00:00.0000000Z|64");
        (await ScalarAsync(scene, "SELECT COUNT(*) FROM ApiKeys WHERE Hash LIKE '%' || @s || '%'", secret)).Should().Be("0");
    }

    [Fact]
    public async Task List_ShowsTheKeys_NeverASecretOrHash()
    {
        using var scene = await BackupScene.CreateAsync();
        var created = await scene.RunAsync("keys", "create", "--name", "ops", "--role", "Admin");
        var secret = KeyPattern().Match(created.Output).Value;
        var hash = await ScalarAsync(scene, "SELECT Hash FROM ApiKeys");

        var result = await scene.RunAsync("keys", "list");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Last used").And.Contain("ops").And.Contain("Admin").And.Contain("all").And.Contain(secret[..15]).And.Contain("1 key(s)");
        result.Output.Should().NotContain(secret).And.NotContain(secret[15..]).And.NotContainEquivalentOf(hash);
    }

    [Fact]
    public async Task CreateAndRevoke_AppendAuditRowsWithoutTheSecret_AndTheChainVerifies()
    {
        using var scene = await BackupScene.CreateAsync();
        var created = await scene.RunAsync("keys", "create", "--name", "ops", "--role", "Admin");
        var secret = KeyPattern().Match(created.Output).Value;

        var revoked = await scene.RunAsync("keys", "revoke", "1");

        revoked.ExitCode.Should().Be(0, revoked.Error);
        revoked.Output.Should().Contain("Revoked API key 1 ('ops'");
        var rows = await ScalarAsync(scene, "SELECT group_concat(Actor || '|' || Action || '|' || EntitySet || '|' || EntityId, ';') FROM (SELECT * FROM AuditEvents ORDER BY Id)");
        rows.Should().Be("operator (command line)|ApiKey.Create|ApiKeys|1;operator (command line)|ApiKey.Revoke|ApiKeys|1");
        var details = await ScalarAsync(scene, "SELECT group_concat(Details, ';') FROM AuditEvents");
        details.Should().Contain("Created key 'ops' (Admin, all workspaces, no expiry)").And.NotContain(secret[15..]);
        (await ScalarAsync(scene, "SELECT RevokedAt IS NOT NULL FROM ApiKeys WHERE Id = 1")).Should().Be("1");
        var verify = await scene.RunAsync("audit", "verify");
        verify.ExitCode.Should().Be(0, verify.Output);
        verify.Output.Should().Contain("intact: 2 rows");
    }

    [Fact]
    public async Task Revoke_UnknownOrAlreadyRevoked_IsRefusedWithoutAuditRow()
    {
        using var scene = await BackupScene.CreateAsync();
        await scene.RunAsync("keys", "create", "--name", "ops", "--role", "Admin");
        await scene.RunAsync("keys", "revoke", "1");

        var unknown = await scene.RunAsync("keys", "revoke", "7");
        var again = await scene.RunAsync("keys", "revoke", "1");

        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("There is no key 7");
        again.ExitCode.Should().Be(1);
        again.Error.Should().Contain("Key 1 was already revoked at");
        (await ScalarAsync(scene, "SELECT COUNT(*) FROM AuditEvents")).Should().Be("2");
    }

    [Fact]
    public async Task Create_UnknownWorkspace_IsRefusedAndNothingIsWritten()
    {
        using var scene = await BackupScene.CreateAsync();
        var workspace = await AddWorkspaceAsync(scene, "North");

        var result = await scene.RunAsync("keys", "create", "--name", "x", "--role", "Editor", "--workspaces", $"{workspace},{workspace + 5}");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"Workspace {workspace + 5} does not exist; no key was created");
        result.Output.Should().BeEmpty();
        (await ScalarAsync(scene, "SELECT (SELECT COUNT(*) FROM ApiKeys) + (SELECT COUNT(*) FROM AuditEvents)")).Should().Be("0");
    }

    [Theory]
    [InlineData("keys", "keys takes one subcommand")]
    [InlineData("keys rotate", "keys takes one subcommand")]
    [InlineData("keys create --role Admin", "keys create needs --name with 1 to 200 characters")]
    [InlineData("keys create --name x", "keys create needs --role, one of Admin, Editor, Approver, Analyst")]
    [InlineData("keys create --name x --role Owner", "--role Owner is not a role")]
    [InlineData("keys create --name x --role Editor", "An Editor key needs --workspaces")]
    [InlineData("keys create --name x --role Editor --workspaces 1,a", "'a' is not a workspace Id")]
    [InlineData("keys create --name x --role Editor --workspaces 0", "'0' is not a workspace Id")]
    [InlineData("keys create --name x --role Admin --expires 2020-01-01", "--expires 2020-01-01 is not in the future")]
    [InlineData("keys create --name x --role Admin --expires soon", "--expires soon is not a date")]
    [InlineData("keys create --name x --name y --role Admin", "--name was given twice")]
    [InlineData("keys create --name x --role Admin --to y", "Unknown option --to")]
    [InlineData("keys list extra", "keys list takes nothing more")]
    [InlineData("keys revoke", "keys revoke takes exactly one key Id")]
    [InlineData("keys revoke one", "keys revoke takes a key Id")]
    public async Task WrongArguments_ExitTwoWithAMessage(string commandLine, string message)
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync(commandLine.Split(' '));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message).And.Contain("keys create --name");
        result.Output.Should().BeEmpty();
        (await ScalarAsync(scene, "SELECT COUNT(*) FROM ApiKeys")).Should().Be("0");
    }

    [Fact]
    public async Task Create_NameOver200Characters_ExitTwo()
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync("keys", "create", "--name", new string('n', 201), "--role", "Admin");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("1 to 200 characters");
    }

    [GeneratedRegex("engage_[A-Za-z0-9_-]{43}")]
    internal static partial Regex KeyPattern();

    private static async Task<long> AddWorkspaceAsync(BackupScene scene, string name)
    {
        await AuditChain.ExecuteAsync(scene.Database, $"INSERT INTO Workspaces (Name, TimeZone, CreatedAt) VALUES ('{name}', 'UTC', '2026-01-01T00:00:00.0000000Z')");
        return long.Parse((await ScalarAsync(scene, "SELECT max(Id) FROM Workspaces"))!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> ScalarAsync(BackupScene scene, string sql, string? s = null)
    {
        await using var connection = await scene.Database.OpenAsync(CancellationToken.None);
        await using var command = Engage.Host.Store.SqliteExtensions.With(Engage.Host.Store.SqliteExtensions.Command(connection, sql), "@s", s);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
