using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Linq;

namespace Engage.Host.Security.KeyRing;

/// <summary>
/// What protects the key files in a folder (a data folder's <c>keys/</c> or a backup's): how many are encrypted with a
/// certificate (and which, by thumbprint, read from the key XML) and how many are stored unencrypted. For the operator's
/// output of backup and restore: the certificate itself is never in a backup.
/// </summary>
internal sealed record KeyRingDescription(int Files, int Unencrypted, IReadOnlyList<string> Thumbprints)
{
    public static KeyRingDescription Of(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new KeyRingDescription(0, 0, []);
        }

        var files = Directory.GetFiles(folder, "*.xml");
        var thumbprints = new SortedSet<string>(StringComparer.Ordinal);
        var unencrypted = 0;
        foreach (var file in files)
        {
            var found = CertificatesIn(file);
            if (found.Count == 0)
            {
                unencrypted++;
            }

            thumbprints.UnionWith(found);
        }

        return new KeyRingDescription(files.Length, unencrypted, [.. thumbprints]);
    }

    /// <summary>One line for backup and restore output.</summary>
    public string Summary() => (Files, Thumbprints.Count) switch
    {
        (0, _) => "no key files",
        (_, 0) => $"{Files} key file(s), protected by file permissions only (not encrypted): treat the copy like the secrets it protects",
        _ => $"{Files} key file(s), {(Unencrypted == 0 ? "all" : $"{Files - Unencrypted}")} encrypted with the certificate {string.Join(", ", Thumbprints)} " +
             "(thumbprint). The certificate is NOT in the backup: keep its PFX file and password safe and apart from the backups; without it the " +
             "connector secrets cannot be decrypted",
    };

    private static List<string> CertificatesIn(string file)
    {
        try
        {
            var document = XDocument.Load(file);
            return [.. document.Descendants().Where(e => e.Name.LocalName == "X509Certificate")
                .Select(e => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.Value.Trim())).Thumbprint)];
        }
        catch (Exception e) when (e is XmlException or FormatException or CryptographicException or IOException)
        {
            return []; // an unreadable key file is the key ring's own problem; it is copied as it is
        }
    }
}
