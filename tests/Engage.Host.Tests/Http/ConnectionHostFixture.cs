using Engage.Host.Tests.Infrastructure;
using Engage.Host.Tests.Plugins;

namespace Engage.Host.Tests.Http;

/// <summary>
/// A host with the demo workspace and two plugins: the bundled demo connector and <c>fixture.vault</c>, a Roslyn-built
/// connector that declares a required URL, a required secret token and a setting with a default (<see cref="VaultSource"/>).
/// </summary>
public sealed class ConnectionHostFixture : IAsyncLifetime
{
    public const string VaultPlugin = "fixture.vault";

    /// <summary>
    /// The vault connector: its check refuses a URL that is not https (and any secret it is given: it must never see one)
    /// and faults on the label 'crash'; its session reads the token through <c>ISecretAccessor</c> and reports one account
    /// whose ExternalId is the token's SHA-256 and whose DisplayName lists the settings it saw.
    /// </summary>
    private const string VaultSource = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Engage.Sdk.Connectors;
        using Engage.Sdk.Failures;
        using Engage.Sdk.Items;
        using Engage.Sdk.Plugins;

        namespace Fixture
        {
            public sealed class FixturePlugin : IEngagePlugin
            {
                public void Register(IPluginRegistrar registrar) => registrar.AddConnector(new VaultConnector());
            }

            public sealed class VaultConnector : IConnector
            {
                public ConnectorInfo Info { get; } = new ConnectorInfo("vault", "Vault", "vaultnet", ConnectorCapabilities.Pull)
                {
                    Settings = new[]
                    {
                        new SettingDefinition("instanceUrl", "Instance URL") { Required = true },
                        new SettingDefinition("accessToken", "Access token") { Required = true, IsSecret = true },
                        new SettingDefinition("label", "Label") { DefaultValue = "vault-default" },
                    },
                };

                public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings)
                {
                    if (settings.TryGetValue("label", out var label) && label == "crash")
                    {
                        throw new InvalidOperationException("the settings check crashed");
                    }

                    var errors = new List<SettingError>();
                    if (settings.ContainsKey("accessToken"))
                    {
                        errors.Add(new SettingError("accessToken", "A secret reached ValidateSettings."));
                    }

                    if (settings.TryGetValue("instanceUrl", out var url) && url is not null && !url.StartsWith("https://", StringComparison.Ordinal))
                    {
                        errors.Add(new SettingError("instanceUrl", "Instance URL must start with https://."));
                    }

                    return errors;
                }

                public async Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
                {
                    if (context.Settings.ContainsKey("accessToken"))
                    {
                        throw new PluginException("A secret reached the settings.", PluginFailureKind.Permanent);
                    }

                    var token = await context.Secrets.GetAsync("accessToken", cancellationToken)
                        ?? throw new PluginException("No access token.", PluginFailureKind.CredentialsInvalid);
                    var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
                    var seen = string.Join(",", context.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value));
                    return new VaultSession(hash, seen);
                }
            }

            public sealed class VaultSession(string hash, string seen) : IPullSession
            {
                public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken) =>
                    Task.FromResult(new SyncBatch { Accounts = new[] { new AccountItem("token-" + hash, "@vault") { DisplayName = seen } } });

                public ValueTask DisposeAsync() => default;
            }
        }
        """;

    private readonly FixturePluginBuilder _plugins = new();

    public EngageAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _plugins.AddPlugin(VaultPlugin, "vault", VaultSource);
        var demo = Path.Combine(RepoPaths.Plugins, "Engage.Plugins.Demo");
        var copy = Directory.CreateDirectory(Path.Combine(_plugins.PluginsPath, "Engage.Plugins.Demo")).FullName;
        foreach (var file in Directory.GetFiles(demo))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        Factory.Settings["Engage:PluginsPath"] = _plugins.PluginsPath;
        Client = Factory.CreateAuthenticatedClient();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        _plugins.Dispose();
        return Task.CompletedTask;
    }
}
