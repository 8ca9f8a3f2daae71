namespace Engage.Host.Hosting;

/// <summary>
/// Finds the folder whose appsettings.json the host reads: the nearest ancestor of the program's folder
/// that holds both appsettings.json and Engage.sln (a source checkout, as with <c>dotnet run</c>), or
/// else the program's own folder (an installed copy). <c>--contentRoot</c> overrides both.
/// </summary>
internal static class ContentRootLocator
{
    public static string Locate(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "appsettings.json")) && File.Exists(Path.Combine(folder.FullName, "Engage.sln")))
            {
                return folder.FullName;
            }
        }

        return startFolder;
    }
}
