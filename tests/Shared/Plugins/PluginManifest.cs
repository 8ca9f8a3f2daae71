using System.Text.Json;

namespace Engage.Tests.Shared.Plugins;

/// <summary>A bundled plugin's <c>engage-plugin.json</c>, found in the source tree above the test folder.</summary>
internal static class PluginManifest
{
    /// <summary>Parses <c>plugins/<paramref name="pluginProject"/>/engage-plugin.json</c>.</summary>
    public static JsonDocument Read(string pluginProject) => JsonDocument.Parse(File.ReadAllText(PathOf(pluginProject)));

    private static string PathOf(string pluginProject)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "plugins", pluginProject, "engage-plugin.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"plugins/{pluginProject}/engage-plugin.json not found above the test folder");
    }
}
