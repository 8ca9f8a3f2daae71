namespace Engage.Sdk.Plugins;

/// <summary>
/// The entry point of a plugin. The host finds exactly one public, non-abstract implementation with a
/// public parameterless constructor in the plugin's entry assembly and calls <see cref="Register"/> once.
/// </summary>
/// <remarks>
/// Registration must be quick and must not do I/O: the host checks what is registered against the
/// capabilities the manifest (<c>engage-plugin.json</c>) declares, and refuses the plugin on any mismatch.
/// </remarks>
public interface IEngagePlugin
{
    /// <summary>Registers the connectors, metric calculators and report templates this plugin provides.</summary>
    /// <param name="registrar">Collects the plugin's components.</param>
    void Register(IPluginRegistrar registrar);
}
