using Engage.Host.Tests.Backup;

namespace Engage.Host.Tests.Audit;

/// <summary>The <c>audit verify</c> verb: its output and exit codes.</summary>
public sealed class AuditVerbTests
{
    [Fact]
    public async Task AuditVerify_IntactChain_ExitZero()
    {
        using var scene = await BackupScene.CreateAsync();
        await AuditChain.AppendAsync(scene.Database, 3);

        var result = await scene.RunAsync("audit", "verify");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Audit trail intact: 3 rows");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task AuditVerify_EditedRow_ExitOneNamingTheRow()
    {
        using var scene = await BackupScene.CreateAsync();
        await AuditChain.AppendAsync(scene.Database, 3);
        await AuditChain.ExecuteAsync(scene.Database, "UPDATE AuditEvents SET Actor = 'nobody' WHERE Id = 2");

        var result = await scene.RunAsync("audit", "verify");

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("Audit trail BROKEN at row 2").And.Contain("was edited").And.Contain("The 1 rows before it check out");
    }

    [Fact]
    public async Task AuditVerify_LongChain_PrintsProgress()
    {
        using var scene = await BackupScene.CreateAsync();
        await AuditChain.AppendAsync(scene.Database, Engage.Host.Audit.AuditVerifier.ProgressInterval + 1);

        var result = await scene.RunAsync("audit", "verify");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Checked 50,000 of 50,001 audit rows").And.Contain("intact: 50,001 rows");
    }

    [Fact]
    public async Task AuditVerify_NoDatabase_ExitOneSayingWhereItLooked()
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync("audit", "verify", $"--Engage:DataPath={scene.Combine("nowhere")}");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(scene.Combine("nowhere", "engage.db"));
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit check")]
    [InlineData("audit verify extra")]
    public async Task Audit_WrongSubcommand_ExitTwoWithUsage(string commandLine)
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync(commandLine.Split(' '));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("audit takes one subcommand: verify").And.Contain("audit verify");
    }
}
