using Engage.Host.Hosting;

namespace Engage.Host.Operator;

/// <summary>
/// The configuration a verb reads, the way the server reads it but without starting it: appsettings.json (and
/// appsettings.{Environment}.json) in the content root, environment variables, then <c>--Engage:...</c> arguments.
/// </summary>
internal sealed record OperatorSettings(EngagePaths Paths, string BackupRoot, string ContentRoot)
{
    /// <summary>Where backups go when <c>--to</c> is not given: <c>Engage:BackupPath</c>, by default <c>backups</c> beside <c>data</c>.</summary>
    public const string BackupPathKey = "Engage:BackupPath";

    public static OperatorSettings Load(VerbArguments arguments)
    {
        var root = arguments.ContentRoot is { } explicitRoot ? Path.GetFullPath(explicitRoot) : ContentRootLocator.Locate(AppContext.BaseDirectory);
        if (!Directory.Exists(root))
        {
            throw new OperatorException(OperatorException.Refused, $"The content root {root} does not exist.");
        }

        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. arguments.Configuration])
            .Build();
        var options = new EngageOptions();
        configuration.GetSection(EngageOptions.Section).Bind(options);
        var paths = EngagePaths.From(root, options);
        var backupRoot = Path.GetFullPath(Path.Combine(root, configuration[BackupPathKey] ?? "backups"));
        return new OperatorSettings(paths, backupRoot, root);
    }

    /// <summary>
    /// A folder given on the command line: relative paths are taken from the content root (the folder holding
    /// appsettings.json), like the data folder, because <c>dotnet run --project</c> starts the program in the
    /// project's folder rather than where the operator typed the command.
    /// </summary>
    public string Resolve(string folder) => Path.GetFullPath(folder, ContentRoot);
}
