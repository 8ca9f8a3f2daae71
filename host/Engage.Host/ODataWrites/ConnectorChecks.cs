using Engage.Host.Plugins.Invocation;
using Engage.Host.Sync;
using Engage.OData.Errors;
using Engage.Sdk.Failures;

namespace Engage.Host.ODataWrites;

/// <summary>
/// Runs a connector's settings check for a write and says what is wrong in OData terms: each problem targets
/// <c>Settings/&lt;name&gt;</c> (or <c>Settings</c>); a plugin that became unavailable targets <paramref name="unavailableTarget"/>;
/// a connector that times out or faults while checking answers 503 (the request may be fine; nothing is written).
/// </summary>
internal static class ConnectorChecks
{
    public static async Task<IReadOnlyList<(string Target, string Message)>> RunAsync(
        ConnectionSetup setup, ConnectorLookup lookup, SettingsChange change, string unavailableTarget, CancellationToken cancellationToken)
    {
        try
        {
            var errors = await setup.CheckAsync(lookup.Plugin!, lookup.Connector!, change, cancellationToken);
            return [.. errors.Select(e => (string.IsNullOrWhiteSpace(e.Setting) ? "Settings" : "Settings/" + e.Setting, e.Message))];
        }
        catch (PluginUnavailableException e)
        {
            return [(unavailableTarget, $"The plugin '{e.PluginId}' is {e.Status}; the settings cannot be checked.")];
        }
        catch (PluginCallException e) when (!e.IsFault && e.Kind is PluginFailureKind.Permanent or PluginFailureKind.CredentialsInvalid)
        {
            return [("Settings", $"The connector refused the settings: {e.Reason}")];
        }
        catch (PluginCallException e)
        {
            var what = e.IsFault ? "failed while checking the settings (the server log has the details)" : $"could not check the settings ({e.Reason})";
            throw new ODataRequestException(StatusCodes.Status503ServiceUnavailable, "ConnectorUnavailable",
                $"The connector of plugin '{e.PluginId}' {what}; nothing was changed. Retry, or see the plugin's status in Plugins.")
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = "5" },
            };
        }
    }
}
