namespace Engage.Host.Hosting;

/// <summary>The folders the host uses, resolved against the content root.</summary>
internal sealed record EngagePaths(string ContentRoot, string Data, string Plugins, string Themes)
{
    public string Database => Path.Combine(Data, "engage.db");
    public string KeyRing => Path.Combine(Data, "keys");
    public string BootJournal => Path.Combine(Data, "boot-journal.json");

    public static EngagePaths From(string contentRoot, EngageOptions options) => new(
        contentRoot,
        Path.GetFullPath(Path.Combine(contentRoot, options.DataPath)),
        Path.GetFullPath(Path.Combine(contentRoot, options.PluginsPath)),
        Path.GetFullPath(Path.Combine(contentRoot, options.ThemesPath)));
}
