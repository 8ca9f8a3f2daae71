using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Engage.Host.Security.KeyRing;

/// <summary>The certificates of <see cref="KeyRingOptions"/>, loaded from their PFX files with passwords from the environment.</summary>
internal sealed record KeyRingCertificates(X509Certificate2? Current, IReadOnlyList<X509Certificate2> All)
{
    public static KeyRingCertificates None { get; } = new(null, []);

    /// <summary>Loads the configured certificates; a missing file, wrong password or a certificate without private key stops the start.</summary>
    public static KeyRingCertificates Load(KeyRingOptions options, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (options.PreviousCertificates.Count > 0)
            {
                throw Problem("Engage:Security:KeyRing:PreviousCertificates is set but CertificatePath is not: name the certificate that protects new keys too.");
            }

            return None;
        }

        var current = LoadOne(options.CertificatePath, options.CertificatePasswordVariable, contentRoot, "CertificatePath");
        var previous = options.PreviousCertificates.Select((p, i) => LoadOne(p.Path, p.PasswordVariable, contentRoot, $"PreviousCertificates:{i}:Path"));
        return new KeyRingCertificates(current, [current, .. previous]);
    }

    private static X509Certificate2 LoadOne(string path, string passwordVariable, string contentRoot, string setting)
    {
        var full = Path.GetFullPath(Path.Combine(contentRoot, path));
        if (!File.Exists(full))
        {
            throw Problem($"Engage:Security:KeyRing:{setting} names {full}, which does not exist. Put the key ring certificate (a PFX file) there, or correct the setting.");
        }

        var password = string.IsNullOrEmpty(passwordVariable) ? null : Environment.GetEnvironmentVariable(passwordVariable);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw Problem($"The key ring certificate {full} cannot be opened: is the password in the environment variable {passwordVariable} right (and set for this process)?");
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw Problem($"The key ring certificate {full} has no RSA private key; Engage needs one to decrypt the key ring. Export the certificate with its private key (PFX).");
        }

        return certificate;
    }

    private static InvalidOperationException Problem(string message) => new(message + " (Data Protection key ring; see docs/security/secrets.md)");
}
