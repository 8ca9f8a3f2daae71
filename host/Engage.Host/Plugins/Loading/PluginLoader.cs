using System.Text.Json;
using Engage.Sdk.Plugins;

namespace Engage.Host.Plugins.Loading;

/// <summary>
/// Finds plugin folders (each with an <c>engage-plugin.json</c>), checks each manifest, SDK range and
/// compiled SDK reference before loading any code, then loads the plugin into its own collectible
/// context and compares what it registers with what it declared. One bad plugin never stops the others.
/// </summary>
internal sealed class PluginLoader(BootJournal journal, TimeSpan registerTimeout, ILogger logger, TimeProvider time)
{
    private const long MaxManifestBytes = 64 * 1024;
    private static readonly PluginManifestValidator Validator = new();
    private readonly IReadOnlySet<string> _shared = PluginLoadContext.SharedAssemblyNames();

    public async Task<IReadOnlyList<LoadedPlugin>> LoadAllAsync(string pluginsPath, CancellationToken cancellationToken)
    {
        if (journal.RecoverCrash(time.GetUtcNow()) is { } crashed)
        {
            logger.LogError("Plugin {PluginId} crashed the process while starting last time; it stays quarantined", crashed);
        }

        var plugins = new List<LoadedPlugin>();
        if (!Directory.Exists(pluginsPath))
        {
            logger.LogWarning("The plugins folder {Path} does not exist; no plugins loaded", pluginsPath);
            return plugins;
        }

        foreach (var folder in Directory.GetDirectories(pluginsPath).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(Path.Combine(folder, SdkInfo.ManifestFileName)))
            {
                continue;
            }

            LoadedPlugin plugin;
            try
            {
                plugin = await LoadAsync(folder, plugins.Where(p => p.IsAvailable).Select(p => p.Id).ToHashSet());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever is wrong with one folder (unreadable files, a bug here), the other plugins still load.
                plugin = new LoadedPlugin(Path.GetFileName(folder), folder);
                plugin.SetStatus(PluginStatus.Failed, $"could not be read: {e.GetType().Name}: {e.Message}");
            }

            plugins.Add(plugin);
            LogOutcome(plugin);
        }

        return plugins;
    }

    public async Task<LoadedPlugin> LoadAsync(string folder, IReadOnlySet<string> loadedIds)
    {
        folder = Path.GetFullPath(folder);
        var (manifest, error) = ReadManifest(folder);
        if (manifest is null)
        {
            return Refused(new LoadedPlugin(Path.GetFileName(folder), folder), error!);
        }

        var plugin = new LoadedPlugin(manifest.Id!, folder)
        {
            Version = manifest.Version,
            DisplayName = manifest.DisplayName,
            SdkRange = manifest.SdkRange,
        };
        if (loadedIds.Contains(plugin.Id))
        {
            return Refused(plugin, $"another plugin with id '{plugin.Id}' is already loaded; remove one of the two folders");
        }

        SdkRange.TryParse(manifest.SdkRange, out var range, out _);
        if (!range!.Contains(SdkInfo.Version))
        {
            return Refused(plugin, $"built for Engage SDK {manifest.SdkRange}, but this host provides SDK {SdkInfo.Version}; install a version of the plugin made for SDK {SdkInfo.Version.Major}.x");
        }

        var entryPath = Path.GetFullPath(Path.Combine(folder, manifest.EntryAssembly!));
        if (!entryPath.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Refused(plugin, $"'entryAssembly' {manifest.EntryAssembly} points outside the plugin folder");
        }

        if (!File.Exists(entryPath))
        {
            return Refused(plugin, $"the entry assembly '{manifest.EntryAssembly}' is not in the plugin folder");
        }

        var compiledAgainst = SdkReferenceReader.ReadSdkReference(entryPath);
        if (compiledAgainst is not null && compiledAgainst.Major != SdkInfo.Version.Major)
        {
            return Refused(plugin, $"compiled against Engage.Sdk {compiledAgainst}, but this host provides Engage.Sdk {SdkInfo.Version} (major {SdkInfo.Version.Major}); rebuild the plugin against SDK {SdkInfo.Version.Major}.x");
        }

        if (journal.CrashOf(plugin.Id, plugin.Version!) is { } crash)
        {
            plugin.SetStatus(PluginStatus.Quarantined, $"crashed the process while starting (at {crash.At:u}); it is skipped until its version changes. Delete {journal.Path} to try it again.");
            return plugin;
        }

        var stray = Path.Combine(Path.GetDirectoryName(entryPath)!, "Engage.Sdk.dll");
        var warning = File.Exists(stray)
            ? $"ships its own copy of the SDK ({stray}); the host's copy is used instead. Reference Engage.Sdk with Private=false so it is not copied."
            : null;
        if (warning is not null)
        {
            logger.LogWarning("Plugin {PluginId} {Warning}", plugin.Id, warning);
        }

        return await LoadCodeAsync(plugin, manifest, entryPath, warning);
    }

    private async Task<LoadedPlugin> LoadCodeAsync(LoadedPlugin plugin, PluginManifest manifest, string entryPath, string? warning)
    {
        var context = new PluginLoadContext(plugin.Id, entryPath, _shared);
        plugin.Context = context;
        journal.Begin(plugin.Id, plugin.Version!);
        try
        {
            var registrar = new PluginRegistrar();
            await Task.Run(() =>
            {
                var assembly = context.LoadFromAssemblyPath(entryPath);
                var entryTypes = assembly.GetExportedTypes()
                    .Where(t => typeof(IEngagePlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                    .ToList();
                if (entryTypes.Count != 1)
                {
                    throw new PluginLoadException(entryTypes.Count == 0
                        ? $"{Path.GetFileName(entryPath)} has no public class implementing IEngagePlugin (from this host's Engage.Sdk)"
                        : $"{Path.GetFileName(entryPath)} has {entryTypes.Count} classes implementing IEngagePlugin; keep exactly one");
                }

                var entry = (IEngagePlugin)Activator.CreateInstance(entryTypes[0])!;
                entry.Register(registrar);
            }).WaitAsync(registerTimeout);

            var problems = RegistrationCheck.Compare(manifest, registrar, plugin.Folder);
            if (problems.Count > 0)
            {
                Unload(plugin);
                return Refused(plugin, "the manifest does not match the code: " + string.Join("; ", problems));
            }

            plugin.Connectors = registrar.Connectors;
            plugin.Calculators = registrar.Calculators;
            plugin.Templates = registrar.Templates;
            plugin.SetStatus(PluginStatus.Loaded, warning);
        }
        catch (Exception e)
        {
            Unload(plugin);
            plugin.SetStatus(PluginStatus.Failed, Describe(e, registerTimeout));
        }
        finally
        {
            journal.End();
        }

        return plugin;
    }

    private static void Unload(LoadedPlugin plugin)
    {
        plugin.Connectors = [];
        plugin.Calculators = [];
        plugin.Templates = [];
        plugin.Context?.Unload();
        plugin.Context = null;
    }

    private static string Describe(Exception e, TimeSpan timeout) => e switch
    {
        TimeoutException => $"Register did not return within {timeout.TotalSeconds:0} s; registration must not do I/O",
        PluginLoadException => e.Message,
        FileNotFoundException f => $"a dependency is missing: {f.FileName ?? f.Message}. Publish the plugin with its dependencies into its folder",
        FileLoadException f => $"a dependency could not be loaded: {f.FileName ?? f.Message}",
        BadImageFormatException => $"an assembly is not a valid .NET assembly: {e.Message}",
        System.Reflection.ReflectionTypeLoadException r => "types could not be loaded: " +
            string.Join("; ", r.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct().Take(3)),
        _ => $"failed while registering: {e.GetType().Name}: {e.Message}",
    };

    private static (PluginManifest?, string?) ReadManifest(string folder)
    {
        var path = Path.Combine(folder, SdkInfo.ManifestFileName);
        if (new FileInfo(path).Length > MaxManifestBytes)
        {
            return (null, $"{SdkInfo.ManifestFileName} is larger than 64 KiB");
        }

        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path),
                new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, $"{SdkInfo.ManifestFileName} is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        if (manifest is null)
        {
            return (null, $"{SdkInfo.ManifestFileName} is empty");
        }

        var result = Validator.Validate(manifest);
        return result.IsValid
            ? (manifest, null)
            : (null, $"{SdkInfo.ManifestFileName} is invalid: " + string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
    }

    private static LoadedPlugin Refused(LoadedPlugin plugin, string reason)
    {
        plugin.SetStatus(PluginStatus.Refused, reason);
        return plugin;
    }

    private void LogOutcome(LoadedPlugin plugin)
    {
        if (plugin.Status == PluginStatus.Loaded)
        {
            logger.LogInformation("Plugin {PluginId} {Version} loaded ({Kinds})", plugin.Id, plugin.Version, plugin.Kinds);
        }
        else
        {
            logger.LogError("Plugin {PluginId} {Status}: {Reason}", plugin.Id, plugin.Status, plugin.Reason);
        }
    }
}
