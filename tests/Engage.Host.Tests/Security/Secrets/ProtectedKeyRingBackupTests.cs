using Engage.Host.Operator;
using Engage.Host.Security.KeyRing;
using Engage.Host.Store;
using Engage.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>Backup and restore of a data folder whose key ring is encrypted with a certificate: it works, and the output says the certificate is not in the backup.</summary>
public sealed class ProtectedKeyRingBackupTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly string _passwordVariable = "ENGAGE_TEST_BACKUP_PFX_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task BackupAndRestore_CertificateProtectedKeyRing_RoundTripsAndSaysTheCertificateIsNotInTheBackup()
    {
        var pfx = KeyRingHost.WriteCertificate(_root.Path, "engage-keyring", "pfx-pass");
        Environment.SetEnvironmentVariable(_passwordVariable, "pfx-pass");
        var settings = new Dictionary<string, string?>
        {
            ["Engage:Security:KeyRing:CertificatePath"] = pfx,
            ["Engage:Security:KeyRing:CertificatePasswordVariable"] = _passwordVariable,
        };
        await new EngageDatabase(_root.Combine("data", "engage.db")).InitializeAsync(NullLogger.Instance, CancellationToken.None);
        string protectedText;
        using (var host = new KeyRingHost(_root.Path, settings))
        {
            protectedText = host.Protector.Protect("connector secret");
        }

        var thumbprint = KeyRingDescription.Of(_root.Combine("data", "keys")).Thumbprints.Should().ContainSingle().Subject;
        var backup = await RunAsync("backup", "--to", _root.Combine("backups"));
        var folder = Directory.GetDirectories(_root.Combine("backups"), "engage-backup-*").Single();
        var restore = await RunAsync("restore", folder, $"--Engage:DataPath={_root.Combine("restored")}");

        backup.Should().Contain($"encrypted with the certificate {thumbprint}").And.Contain("The certificate is NOT in the backup");
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Should().NotContain(f => f.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase));
        restore.Should().Contain($"encrypted with the certificate {thumbprint}").And.Contain("set Engage:Security:KeyRing:CertificatePath");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(_root.Combine("restored", "keys")).Should().Be(KeyRingFolder.FolderMode);
        }

        settings["Engage:DataPath"] = "restored";
        using var restored = new KeyRingHost(_root.Path, settings);
        restored.Protector.Unprotect(protectedText).Should().Be("connector secret");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_passwordVariable, null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Dispose();
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OperatorCommands.RunAsync([.. args, "--contentRoot", _root.Path], output, error, TimeProvider.System, CancellationToken.None);
        code.Should().Be(0, $"{output}\n{error}");
        return output.ToString();
    }
}
