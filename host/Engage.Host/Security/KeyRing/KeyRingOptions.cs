namespace Engage.Host.Security.KeyRing;

/// <summary>
/// <c>Engage:Security:KeyRing</c>: how the Data Protection key ring (the keys that encrypt connector secrets) is protected at
/// rest. Always by file permissions (folder 0700, files 0600 on Linux and macOS); with <see cref="CertificatePath"/>, each key
/// is also encrypted with that certificate. Passwords come from environment variables, never from appsettings.json.
/// </summary>
internal sealed class KeyRingOptions
{
    public const string Section = "Engage:Security:KeyRing";

    /// <summary>The default <see cref="CertificatePasswordVariable"/>.</summary>
    public const string DefaultPasswordVariable = "ENGAGE_KEYRING_CERTIFICATE_PASSWORD";

    /// <summary>A PFX (PKCS#12) file with a certificate and its private key; relative to the content root. Empty: no certificate.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The environment variable holding the PFX's password (unset or empty: the PFX has no password).</summary>
    public string CertificatePasswordVariable { get; set; } = DefaultPasswordVariable;

    /// <summary>Certificates that protected keys before (rotation): they decrypt older keys, the current one encrypts new keys.</summary>
    public List<PreviousCertificate> PreviousCertificates { get; set; } = [];

    /// <summary>A certificate kept for decrypting older keys.</summary>
    internal sealed class PreviousCertificate
    {
        /// <summary>Its PFX file, relative to the content root.</summary>
        public string Path { get; set; } = "";

        /// <summary>The environment variable holding its password.</summary>
        public string PasswordVariable { get; set; } = DefaultPasswordVariable;
    }
}
