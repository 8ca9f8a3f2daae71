namespace Engage.Host.Tests.Infrastructure;

/// <summary>Folders of the source checkout the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Plugins => Path.Combine(Root, "artifacts", "plugins");

    public static string Themes => Path.Combine(Root, "themes");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Engage.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the Engage source checkout (no Engage.sln above " + AppContext.BaseDirectory + ").");
    }
}
