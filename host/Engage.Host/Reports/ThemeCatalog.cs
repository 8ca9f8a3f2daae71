using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engage.Host.Reports;

/// <summary>Reads themes from the themes folder: <c>themes/NAME/theme.json</c> naming a layout and a stylesheet.</summary>
internal sealed class ThemeCatalog(string themesPath)
{
    public string ThemesPath { get; } = Path.GetFullPath(themesPath);

    public IReadOnlyList<string> Names() =>
        Directory.Exists(ThemesPath)
            ? Directory.GetDirectories(ThemesPath).Where(d => File.Exists(Path.Combine(d, "theme.json"))).Select(Path.GetFileName).OfType<string>().Order().ToList()
            : [];

    public Theme Load(string name)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9_-]{0,63}$"))
        {
            throw new ArgumentException($"'{name}' is not a theme name (lower-case letters, digits, '-' and '_').");
        }

        var folder = Path.Combine(ThemesPath, name);
        var manifestPath = Path.Combine(folder, "theme.json");
        if (!File.Exists(manifestPath))
        {
            throw new ArgumentException($"There is no theme '{name}'. Available: {string.Join(", ", Names())}.");
        }

        var manifest = JsonSerializer.Deserialize<ThemeManifest>(File.ReadAllText(manifestPath))
            ?? throw new InvalidDataException($"{manifestPath} is empty.");
        return new Theme(name, manifest.DisplayName ?? name,
            File.ReadAllText(Inside(folder, manifest.Layout ?? "layout.hbs")),
            File.ReadAllText(Inside(folder, manifest.Stylesheet ?? "theme.css")));
    }

    private static string Inside(string folder, string relative)
    {
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new InvalidDataException($"The theme file '{relative}' is missing or outside the theme folder {folder}.");
        }

        return path;
    }

    private sealed record ThemeManifest(
        [property: JsonPropertyName("displayName")] string? DisplayName,
        [property: JsonPropertyName("layout")] string? Layout,
        [property: JsonPropertyName("stylesheet")] string? Stylesheet);
}
