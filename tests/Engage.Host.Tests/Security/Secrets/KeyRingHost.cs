using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Engage.Host.Hosting;
using Engage.Host.Sync;
using Engage.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// The host's service registration (<c>AddEngage</c>) over a temp content root, built the way the server builds it from its
/// configuration, to reach the Data Protection provider the connector secrets use; every log line is kept.
/// </summary>
internal sealed class KeyRingHost : IDisposable
{
    private readonly ServiceProvider _services;

    public KeyRingHost(string contentRoot, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { [HostDefaults.ContentRootKey] = contentRoot, ["Engage:DataPath"] = "data" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<IHostEnvironment>(new Environment(contentRoot));
        services.AddEngage(configuration);
        _services = services.BuildServiceProvider();
    }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The protector of connector secrets (the key ring is read, and a key created, at first use).</summary>
    public IDataProtector Protector => _services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ConnectionSecrets.Purpose);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A self-signed RSA certificate with its private key, written as a PFX protected by <paramref name="password"/>.</summary>
    public static string WriteCertificate(string folder, string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    public void Dispose() => _services.Dispose();

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Engage.Host";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
