using System.Security.Cryptography;
using System.Xml.Linq;
using Engage.Host.Security.KeyRing;
using Engage.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// The key ring at rest: owner-only permissions (created and corrected at start), optional encryption with a certificate
/// (round trip across restarts, rotation, nothing readable on disk), and the one start-up line when there is no certificate.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly string _passwordVariable = "ENGAGE_TEST_KEYRING_PASSWORD_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private string KeyRing => _root.Combine("data", "keys");

    [Fact]
    public void FreshDataFolder_NoCertificate_FolderIs0700KeysAre0600_AndOneLineSaysPermissionsOnlyInsteadOfTheDataProtectionWarning()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; Windows keeps the data folder's ACL
        }

        using var host = new KeyRingHost(_root.Path);
        var protectedText = host.Protector.Protect("secret");

        File.GetUnixFileMode(KeyRing).Should().Be(KeyRingFolder.FolderMode);
        Directory.GetFiles(KeyRing, "*.xml").Select(File.GetUnixFileMode).Should().NotBeEmpty().And.OnlyContain(m => m == KeyRingFolder.FileMode);
        host.Logs.Lines.Where(l => l.Contains("protected by file permissions only")).Should().ContainSingle()
            .Which.Should().Contain("Engage:Security:KeyRing:CertificatePath").And.Contain(KeyRingOptions.DefaultPasswordVariable);
        host.Logs.Lines.Should().NotContain(l => l.Contains("No XML encryptor configured"), "Engage's own line replaces it");
        host.Protector.Unprotect(protectedText).Should().Be("secret");
    }

    [Fact]
    public void LooseExistingKeyRing_IsTightenedAtStart_AndEachChangeIsLogged()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string protectedText;
        using (var first = new KeyRingHost(_root.Path))
        {
            protectedText = first.Protector.Protect("secret");
        }

        var key = Directory.GetFiles(KeyRing, "*.xml").Single();
        File.SetUnixFileMode(KeyRing, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(key, (UnixFileMode)0b110_100_100);

        using var second = new KeyRingHost(_root.Path);
        second.Protector.Unprotect(protectedText).Should().Be("secret");

        File.GetUnixFileMode(KeyRing).Should().Be(KeyRingFolder.FolderMode);
        File.GetUnixFileMode(key).Should().Be(KeyRingFolder.FileMode);
        second.Logs.Lines.Should().Contain(l => l.Contains("0755 -> 0700")).And.Contain(l => l.Contains(Path.GetFileName(key) + ": 0644 -> 0600"));
    }

    [Fact]
    public void Certificate_KeysAreEncryptedOnDisk_SecretsRoundTripAcrossRestarts_AndNotWithoutTheCertificate()
    {
        var settings = CertificateSettings(KeyRingHost.WriteCertificate(_root.Path, "engage-keyring", "pfx-pass-1"), "pfx-pass-1");
        string protectedText;
        using (var first = new KeyRingHost(_root.Path, settings))
        {
            protectedText = first.Protector.Protect("tok-secret-value");
            first.Logs.Lines.Should().Contain(l => l.Contains("is encrypted with the certificate CN=engage-keyring"));
            first.Logs.Lines.Should().NotContain(l => l.Contains("file permissions only"));
        }

        var xml = File.ReadAllText(Directory.GetFiles(KeyRing, "*.xml").Single());
        var document = XDocument.Parse(xml);
        document.Descendants().Should().Contain(e => e.Name.LocalName == "EncryptedData", "the key is encrypted with the certificate");
        document.Descendants().Should().NotContain(e => e.Name.LocalName == "masterKey", "no plaintext key material on disk");
        xml.Should().NotContain("<value>");

        using (var restarted = new KeyRingHost(_root.Path, settings))
        {
            restarted.Protector.Unprotect(protectedText).Should().Be("tok-secret-value");
        }

        using var withoutCertificate = new KeyRingHost(_root.Path);
        withoutCertificate.Invoking(h => h.Protector.Unprotect(protectedText)).Should().Throw<CryptographicException>("the key ring is useless without the certificate");
    }

    [Fact]
    public void Rotation_PreviousCertificateStillDecryptsOldKeys_NewKeysUseTheNewCertificate()
    {
        var oldPfx = KeyRingHost.WriteCertificate(_root.Path, "keyring-2025", "old-pass");
        var newPfx = KeyRingHost.WriteCertificate(_root.Path, "keyring-2026", "new-pass");
        string protectedText;
        using (var before = new KeyRingHost(_root.Path, CertificateSettings(oldPfx, "old-pass")))
        {
            protectedText = before.Protector.Protect("rotated-secret");
        }

        var oldVariable = _passwordVariable + "_OLD";
        Environment.SetEnvironmentVariable(oldVariable, "old-pass");
        try
        {
            var rotated = new Dictionary<string, string?>(CertificateSettings(newPfx, "new-pass"))
            {
                ["Engage:Security:KeyRing:PreviousCertificates:0:Path"] = oldPfx,
                ["Engage:Security:KeyRing:PreviousCertificates:0:PasswordVariable"] = oldVariable,
            };
            using var after = new KeyRingHost(_root.Path, rotated);
            after.Protector.Unprotect(protectedText).Should().Be("rotated-secret");
            after.Get<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

            var described = KeyRingDescription.Of(KeyRing);
            described.Files.Should().Be(2);
            described.Unencrypted.Should().Be(0);
            described.Thumbprints.Should().HaveCount(2, "the old key stays under the old certificate, the new one is under the new");
        }
        finally
        {
            Environment.SetEnvironmentVariable(oldVariable, null);
        }
    }

    [Fact]
    public void Certificate_WrongPasswordOrMissingFile_StopsTheStartSayingWhatToFix()
    {
        var pfx = KeyRingHost.WriteCertificate(_root.Path, "engage-keyring", "right");

        var wrong = () => new KeyRingHost(_root.Path, CertificateSettings(pfx, "wrong")).Dispose();
        var missing = () => new KeyRingHost(_root.Path, CertificateSettings(pfx + ".gone", "right")).Dispose();

        wrong.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain(_passwordVariable).And.NotContain("wrong");
        missing.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("does not exist").And.Contain("CertificatePath");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_passwordVariable, null);
        _root.Dispose();
    }

    private Dictionary<string, string?> CertificateSettings(string pfx, string password)
    {
        Environment.SetEnvironmentVariable(_passwordVariable, password);
        return new Dictionary<string, string?>
        {
            ["Engage:Security:KeyRing:CertificatePath"] = pfx,
            ["Engage:Security:KeyRing:CertificatePasswordVariable"] = _passwordVariable,
        };
    }
}
