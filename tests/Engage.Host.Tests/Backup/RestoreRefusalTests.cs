using Engage.Host.Backup;

namespace Engage.Host.Tests.Backup;

/// <summary>What restore refuses, and that a refusal changes nothing.</summary>
public sealed class RestoreRefusalTests
{
    [Fact]
    public async Task Restore_TamperedDatabaseFile_IsRefusedAndRestoresNothing()
    {
        using var scene = await BackupScene.CreateAsync();
        (await scene.RunAsync("backup")).ExitCode.Should().Be(0);
        var folder = BackupScene.SingleBackup(scene.Combine("backups"));
        await using (var file = File.Open(Path.Combine(folder, "engage.db"), FileMode.Open, FileAccess.ReadWrite))
        {
            file.Seek(-10, SeekOrigin.End);
            var b = file.ReadByte();
            file.Seek(-1, SeekOrigin.Current);
            file.WriteByte((byte)(b ^ 0xFF));
        }

        var target = scene.Combine("restored");
        var result = await scene.RunAsync("restore", folder, $"--Engage:DataPath={target}");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("engage.db does not match its checksum").And.Contain("use another backup");
        Directory.Exists(target).Should().BeFalse();
        Directory.GetDirectories(scene.Root).Select(Path.GetFileName).Should().BeEquivalentTo(["data", "backups"]);
    }

    [Fact]
    public async Task Restore_FileAddedToTheKeyRing_IsRefused()
    {
        using var scene = await BackupScene.CreateAsync();
        (await scene.RunAsync("backup")).ExitCode.Should().Be(0);
        var folder = BackupScene.SingleBackup(scene.Combine("backups"));
        await File.WriteAllTextAsync(Path.Combine(folder, "keys", "key-planted.xml"), "<key/>");

        var result = await scene.RunAsync("restore", folder, $"--Engage:DataPath={scene.Combine("restored")}");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("key-planted.xml is not listed in manifest.json");
    }

    [Fact]
    public async Task Restore_OverExistingDataWithoutForce_IsRefusedAndChangesNothing()
    {
        using var scene = await BackupScene.CreateAsync();
        (await scene.RunAsync("backup")).ExitCode.Should().Be(0);
        var folder = BackupScene.SingleBackup(scene.Combine("backups"));
        var before = await BackupScene.FingerprintAsync(scene.Paths.Data);

        var result = await scene.RunAsync("restore", folder);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("already holds data").And.Contain("--force");
        (await BackupScene.FingerprintAsync(scene.Paths.Data)).Should().Equal(before);
        Directory.GetDirectories(scene.Root).Select(Path.GetFileName).Should().BeEquivalentTo(["data", "backups"]);
    }

    [Fact]
    public async Task Restore_WithForce_KeepsTheReplacedFolderAside()
    {
        using var scene = await BackupScene.CreateAsync();
        (await scene.RunAsync("backup")).ExitCode.Should().Be(0);
        var folder = BackupScene.SingleBackup(scene.Combine("backups"));
        await File.WriteAllTextAsync(Path.Combine(scene.Paths.Data, "admin-key.txt"), "engage_not-in-backups");
        var before = await BackupScene.FingerprintAsync(scene.Paths.Data);

        var result = await scene.RunAsync("restore", folder, "--force");

        result.ExitCode.Should().Be(0, result.Error);
        var aside = Directory.GetDirectories(scene.Root, "data.replaced-*").Should().ContainSingle().Subject;
        (await BackupScene.FingerprintAsync(aside)).Should().Equal(before, "the replaced data is kept as it was");
        result.Output.Should().Contain(aside).And.NotContain("engage_not-in-backups");
        File.Exists(Path.Combine(scene.Paths.Data, "engage.db")).Should().BeTrue();
        File.Exists(Path.Combine(scene.Paths.Data, "admin-key.txt")).Should().BeFalse("the admin key file is a secret a backup does not carry");
    }

    [Fact]
    public async Task Restore_WhileTheServerHoldsTheDataFolder_IsRefused()
    {
        using var scene = await BackupScene.CreateAsync();
        (await scene.RunAsync("backup")).ExitCode.Should().Be(0);
        var folder = BackupScene.SingleBackup(scene.Combine("backups"));
        using var server = DataFolderLock.TryAcquire(scene.Paths.Data);
        server.Should().NotBeNull();

        var result = await scene.RunAsync("restore", folder, "--force");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("seems to be running").And.Contain("Stop the server");
        Directory.GetDirectories(scene.Root).Select(Path.GetFileName).Should().BeEquivalentTo(["data", "backups"]);
    }
}
