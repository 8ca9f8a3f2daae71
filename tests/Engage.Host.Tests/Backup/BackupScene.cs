using Engage.Host.Backup;
using Engage.Host.Hosting;
using Engage.Host.Operator;
using Engage.Host.Store;
using Engage.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Backup;

/// <summary>
/// A content root in a temp folder with a migrated data folder (<c>data/</c>), and the verbs run on it through
/// <see cref="OperatorCommands"/> exactly as the command line runs them (<c>--contentRoot</c>, <c>--Engage:DataPath</c>).
/// </summary>
internal sealed class BackupScene : IDisposable
{
    private readonly TempFolder _root = new();

    private BackupScene()
    {
        Paths = EngagePaths.From(_root.Path, new EngageOptions());
        Database = new EngageDatabase(Paths.Database);
    }

    public string Root => _root.Path;

    public EngagePaths Paths { get; }

    public EngageDatabase Database { get; }

    public static async Task<BackupScene> CreateAsync()
    {
        var scene = new BackupScene();
        await scene.Database.InitializeAsync(NullLogger.Instance, CancellationToken.None);
        return scene;
    }

    /// <summary>The Data Protection provider the host builds over a data folder's key ring.</summary>
    public static IDataProtectionProvider Protection(string dataFolder) =>
        DataProtectionProvider.Create(new DirectoryInfo(System.IO.Path.Combine(dataFolder, "keys")), b => b.SetApplicationName("Engage"));

    public string Combine(params string[] parts) => _root.Combine(parts);

    /// <summary>Runs a verb with this scene's content root; answers the exit code and what it printed.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OperatorCommands.RunAsync([.. args, "--contentRoot", Root], output, error, TimeProvider.System, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every file under a folder with its SHA-256, for "nothing changed" assertions.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(string folder)
    {
        SqliteConnection.ClearAllPools();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            files[System.IO.Path.GetRelativePath(folder, file)] = await BackupManifest.HashAsync(file, CancellationToken.None);
        }

        return files;
    }

    /// <summary>The one backup folder under <paramref name="backupRoot"/>.</summary>
    public static string SingleBackup(string backupRoot) => Directory.GetDirectories(backupRoot, "engage-backup-*").Should().ContainSingle().Subject;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _root.Dispose();
    }
}
