namespace Engage.Sdk.Plugins;

/// <summary>Facts about this version of the SDK.</summary>
public static class SdkInfo
{
    /// <summary>The SDK's semantic version. Breaking changes only come with a new major version.</summary>
    public static Version Version { get; } = new(1, 1, 0);

    /// <summary>The name of the manifest file every plugin folder carries.</summary>
    public const string ManifestFileName = "engage-plugin.json";
}
