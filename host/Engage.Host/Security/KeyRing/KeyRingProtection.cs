using Engage.Host.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Internal;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Engage.Host.Security.KeyRing;

/// <summary>
/// Registers ASP.NET Core Data Protection for Engage: the key ring in the data folder's <c>keys/</c>, kept readable by the
/// server's user only (<see cref="KeyRingFolder"/>, checked and corrected at start with a log line per change), and, when
/// <c>Engage:Security:KeyRing:CertificatePath</c> is set, every key encrypted with that certificate
/// (<c>ProtectKeysWithCertificate</c>; it and <c>PreviousCertificates</c> decrypt, for rotation). The certificate settings
/// are read from the configuration the host starts with (appsettings.json, environment, command line).
/// </summary>
internal static class KeyRingProtection
{
    public static IServiceCollection AddEngageKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var contentRoot = configuration[HostDefaults.ContentRootKey] ?? ContentRootLocator.Locate(AppContext.BaseDirectory);
        var certificates = KeyRingCertificates.Load(options, contentRoot);

        var protection = services.AddDataProtection().SetApplicationName("Engage");
        if (certificates.Current is { } current)
        {
            protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([.. certificates.All]);
        }

        services.AddSingleton(certificates);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            var folder = sp.GetRequiredService<EngagePaths>().KeyRing;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            Announce(folder, certificates, loggers.CreateLogger("Engage.Security.KeyRing"));
            o.XmlRepository = new KeyRingRepository(folder, loggers);
        }));
        services.AddSingleton<IKeyManager>(sp => new XmlKeyManager(
            sp.GetRequiredService<IOptions<KeyManagementOptions>>(), sp.GetRequiredService<IActivator>(), new KeyManagerLoggers(sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }

    /// <summary>Tightens the folder and says, once at start, how the key ring is protected.</summary>
    private static void Announce(string folder, KeyRingCertificates certificates, ILogger logger)
    {
        foreach (var change in KeyRingFolder.Protect(folder))
        {
            logger.LogWarning("Key ring permissions were looser than owner-only; changed {Change}", change);
        }

        if (certificates.Current is not { } current)
        {
            logger.LogWarning(
                "The key ring {Folder} (it decrypts the connector secrets) is protected by file permissions only: anyone who can read it as this user " +
                "or as root can decrypt them. To encrypt it, set Engage:Security:KeyRing:CertificatePath to a PFX file and put its password in the " +
                "environment variable {Variable} (see docs/security/secrets.md)",
                folder, KeyRingOptions.DefaultPasswordVariable);
            return;
        }

        logger.LogInformation("The key ring {Folder} is encrypted with the certificate {Subject} (thumbprint {Thumbprint}); {Decrypting} certificate(s) can decrypt it",
            folder, current.Subject, current.Thumbprint, certificates.All.Count);
    }
}
