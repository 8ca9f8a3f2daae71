using Engage.Host.Operator;

namespace Engage.Host.Tests.Backup;

/// <summary>The verb dispatcher: which command lines are verbs, and the argument errors (exit code 2).</summary>
public sealed class OperatorCommandsTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://0.0.0.0:5080" }, false)]
    [InlineData(new[] { "backup" }, true)]
    [InlineData(new[] { "restore", "x" }, true)]
    [InlineData(new[] { "audit", "verify" }, true)]
    [InlineData(new[] { "keys", "list" }, true)]
    [InlineData(new[] { "Engage:Demo:Enabled=false" }, false)]
    public void IsVerb_CommandLine_OnlyForTheOperatorVerbs(string[] args, bool expected) =>
        OperatorCommands.IsVerb(args).Should().Be(expected);

    [Theory]
    [InlineData("backup --bogus", "Unknown option --bogus")]
    [InlineData("backup --force", "Unknown option --force")]
    [InlineData("backup somewhere", "backup takes no folder argument")]
    [InlineData("backup --to", "--to needs a value")]
    [InlineData("restore", "restore takes exactly one backup folder")]
    [InlineData("restore a b", "restore takes exactly one backup folder")]
    [InlineData("restore a --to b", "Unknown option --to")]
    [InlineData("restore a --force=yes", "Unknown option --force=yes")]
    public async Task RunAsync_WrongArguments_ExitTwoWithUsage(string commandLine, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await OperatorCommands.RunAsync(commandLine.Split(' '), output, error, TimeProvider.System, CancellationToken.None);

        code.Should().Be(2);
        error.ToString().Should().Contain(message).And.Contain("Usage:");
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Backup_IntoTheDataFolder_IsRefused()
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync("backup", "--to", Path.Combine(scene.Paths.Data, "backups"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("inside the data folder");
        Directory.Exists(Path.Combine(scene.Paths.Data, "backups")).Should().BeFalse();
    }

    [Fact]
    public async Task Backup_NoDatabase_SaysWhereItLooked()
    {
        using var scene = await BackupScene.CreateAsync();

        var result = await scene.RunAsync("backup", $"--Engage:DataPath={scene.Combine("nowhere")}");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(scene.Combine("nowhere", "engage.db")).And.Contain("Engage:DataPath");
    }

    [Fact]
    public async Task Backup_ToAGivenFolderAndBackupPath_PutsTheBackupThere()
    {
        using var scene = await BackupScene.CreateAsync();

        var to = await scene.RunAsync("backup", "--to", scene.Combine("given"));
        var configured = await scene.RunAsync("backup", "--Engage:BackupPath=configured");

        to.ExitCode.Should().Be(0, to.Error);
        configured.ExitCode.Should().Be(0, configured.Error);
        to.Output.Should().Contain(BackupScene.SingleBackup(scene.Combine("given")));
        configured.Output.Should().Contain(BackupScene.SingleBackup(scene.Combine("configured")));
        Directory.Exists(scene.Combine("backups")).Should().BeFalse();
    }

    [Fact]
    public async Task RelativeFolders_AreTakenFromTheContentRoot_NotTheWorkingDirectory()
    {
        using var scene = await BackupScene.CreateAsync();
        Directory.GetCurrentDirectory().Should().NotBe(scene.Root, "the test must tell the two apart");

        var backup = await scene.RunAsync("backup", "--to", "relative-backups");
        var folder = BackupScene.SingleBackup(scene.Combine("relative-backups"));
        var relative = Path.GetRelativePath(scene.Root, folder);
        var restore = await scene.RunAsync("restore", relative, "--Engage:DataPath=restored");

        backup.ExitCode.Should().Be(0, backup.Error);
        restore.ExitCode.Should().Be(0, restore.Error);
        File.Exists(scene.Combine("restored", "engage.db")).Should().BeTrue();
    }
}
