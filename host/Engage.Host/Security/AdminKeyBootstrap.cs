namespace Engage.Host.Security;

/// <summary>
/// On first start (no key exists), creates an admin key, writes it to <c>admin-key.txt</c> in the data
/// folder readable only by the owner, and says where it is. The key itself is printed once on the
/// console, never written to the log.
/// </summary>
internal static class AdminKeyBootstrap
{
    public const string FileName = "admin-key.txt";

    public static async Task<string?> EnsureAsync(ApiKeyStore keys, string dataPath, CancellationToken cancellationToken)
    {
        if (await keys.AnyAsync(cancellationToken))
        {
            return null;
        }

        var secret = await keys.CreateAsync("admin (created on first start)", "Admin", cancellationToken);
        var path = Path.Combine(dataPath, FileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created owner-only: never readable by others, not even between writing and a later chmod.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(path, options))
        {
            await file.WriteLineAsync(secret.AsMemory(), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // an older file of the same name keeps its mode on Create
        }

        return path;
    }
}
