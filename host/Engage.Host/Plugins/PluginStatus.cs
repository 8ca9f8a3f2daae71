namespace Engage.Host.Plugins;

/// <summary>The state of a plugin found in the plugins folder, as shown in the <c>Plugins</c> entity set.</summary>
internal enum PluginStatus
{
    /// <summary>Loaded and running.</summary>
    Loaded,
    /// <summary>Not loaded: its manifest, SDK range or registrations are not acceptable.</summary>
    Refused,
    /// <summary>Not loaded: an error while loading or registering (a missing dependency, an exception).</summary>
    Failed,
    /// <summary>Stopped: it kept failing, or it crashed the process while starting.</summary>
    Quarantined,
    /// <summary>Unloaded on request.</summary>
    Unloaded,
}
