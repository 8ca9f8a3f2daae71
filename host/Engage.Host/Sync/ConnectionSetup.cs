using Engage.Host.Plugins;
using Engage.Host.Plugins.Invocation;
using Engage.Host.Security.Secrets;
using Engage.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Sync;

/// <summary>
/// The one way a connection is set up, for the OData writes and the demo workspace alike: find the connector of a
/// loaded plugin, split the entered settings into stored settings and encrypted secrets (<see cref="SettingsChange"/>),
/// check them (the connector's own <see cref="IConnector.ValidateSettings"/> through the <see cref="PluginInvoker"/>,
/// bounded by <see cref="DefaultCheckTimeout"/> because a write transaction waits for it; then, for a connector that implements
/// <see cref="IConnectionCheck"/>, its network check, bounded by <see cref="NetworkCheckTimeout"/>), and compute a new connection's columns.
/// </summary>
internal sealed class ConnectionSetup(
    PluginCatalog catalog, PluginInvoker invoker, IDataProtectionProvider protection, TimeProvider time, TimeSpan? checkTimeout = null,
    IHttpClientFactory? httpClients = null, ILoggerFactory? loggers = null)
{
    public const int MinIntervalSeconds = 60;
    public const int MaxIntervalSeconds = 7 * 24 * 3600;

    /// <summary>How long a connector may take to check settings by default (the check must be pure and is usually instant).</summary>
    public static readonly TimeSpan DefaultCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a connector's network check (<see cref="IConnectionCheck"/>) may take: one "who am I" request. The write waits
    /// for it inside its transaction, so it is kept short; a check that overruns it answers 503 and nothing is written.
    /// </summary>
    public static readonly TimeSpan NetworkCheckTimeout = TimeSpan.FromSeconds(10);

    private readonly IDataProtector _protector = protection.CreateProtector(ConnectionSecrets.Purpose);

    public ConnectorLookup Find(string pluginId, string connectorId)
    {
        var plugin = catalog.Find(pluginId);
        if (plugin is null)
        {
            var installed = catalog.Plugins.Where(p => p.Connectors.Count > 0).Select(p => "'" + p.Id + "'").ToList();
            return new ConnectorLookup(null, null,
                $"No plugin '{pluginId}' is installed; {(installed.Count == 0 ? "none with connectors is loaded" : "plugins with connectors: " + string.Join(", ", installed))}.", null);
        }

        if (!plugin.IsAvailable)
        {
            return new ConnectorLookup(plugin, null, $"The plugin '{pluginId}' is {plugin.Status}: {plugin.Reason ?? "it is not loaded"}", null);
        }

        var connector = plugin.Connectors.FirstOrDefault(c => c.Info.Id == connectorId);
        return connector is null
            ? new ConnectorLookup(plugin, null, null,
                $"The plugin '{pluginId}' has no connector '{connectorId}'; its connectors are {string.Join(", ", plugin.Connectors.Select(c => "'" + c.Info.Id + "'"))}.")
            : new ConnectorLookup(plugin, connector, null, null);
    }

    /// <summary>The secrets stored in a connection's <c>Secrets</c> column.</summary>
    public Dictionary<string, string> Secrets(byte[]? blob) => ConnectionSecrets.Unprotect(_protector, blob);

    public byte[]? Protect(IReadOnlyDictionary<string, string> secrets) => ConnectionSecrets.Protect(_protector, secrets);

    /// <summary>
    /// The change's own problems plus the connector's (it sees the non-secret settings as entered). Throws
    /// <see cref="PluginUnavailableException"/> or <see cref="PluginCallException"/> when the connector cannot check them.
    /// </summary>
    public async Task<IReadOnlyList<SettingError>> CheckAsync(LoadedPlugin plugin, IConnector connector, SettingsChange change, CancellationToken cancellationToken)
    {
        var entered = new Dictionary<string, string?>(change.NonSecret, StringComparer.Ordinal);
        var found = await invoker.InvokeAsync(plugin, "validate settings", _ => Task.FromResult(connector.ValidateSettings(entered)), cancellationToken, checkTimeout ?? DefaultCheckTimeout);
        List<SettingError> problems = [.. change.Problems, .. (found ?? []).Where(e => e is not null)];
        if (problems.Count == 0 && connector is IConnectionCheck check && httpClients is not null)
        {
            // The settings and secrets as entered, never stored by the check; the same HTTP client and log a sync gets,
            // with the entered secrets masked in what the plugin logs or throws.
            var redactor = SecretRedactor.For(change.Secrets.Values);
            var logger = RedactingLogger.Wrap(loggers?.CreateLogger($"Engage.Plugins.{plugin.Id}") ?? NullLogger.Instance, redactor);
            var context = new ConnectorContext(0, "UTC", ConnectionSettings.ForConnector(connector.Info, change.Stored(connector.Info)),
                new EnteredSecrets(change.Secrets), logger, time, httpClients.CreateClient("connectors"));
            var network = await invoker.InvokeAsync(plugin, "check connection", ct => check.CheckConnectionAsync(context, ct), cancellationToken, NetworkCheckTimeout, redactor);
            problems.AddRange((network ?? []).Where(e => e is not null).Select(e => e with { Message = redactor.Redact(e.Message) ?? "" }));
        }

        return problems;
    }

    /// <summary>The server-owned columns of a new connection of <paramref name="connector"/>.</summary>
    public NewConnection New(IConnector connector, SettingsChange change, long? intervalSeconds) => new(
        connector.Info.Network,
        ConnectionStatus.Active,
        NextSyncAt: null,
        intervalSeconds ?? Math.Clamp((long)connector.Info.DefaultPullInterval.TotalSeconds, MinIntervalSeconds, MaxIntervalSeconds),
        change.Stored(connector.Info),
        Protect(change.Secrets),
        time.GetUtcNow());
}
