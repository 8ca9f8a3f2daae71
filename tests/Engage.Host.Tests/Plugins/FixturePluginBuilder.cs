using System.Text.Json;
using Engage.Host.Plugins;
using Engage.Host.Plugins.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engage.Host.Tests.Plugins;

/// <summary>
/// Builds fixture plugins for one test: compiles C# source with Roslyn into <c>&lt;root&gt;/plugins/&lt;id&gt;/</c>,
/// writes the manifest, and places (or leaves out) libraries and stray SDK copies. Deleted (best effort) when disposed.
/// </summary>
internal sealed class FixturePluginBuilder : IDisposable
{
    private static readonly IReadOnlyList<MetadataReference> Framework = FrameworkReferences();
    private static readonly MetadataReference HostSdk = MetadataReference.CreateFromFile(typeof(Engage.Sdk.Plugins.IEngagePlugin).Assembly.Location);

    public FixturePluginBuilder()
    {
        Root = Path.Combine(Path.GetTempPath(), "engage-plugin-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(PluginsPath);
        Directory.CreateDirectory(DataPath);
    }

    public string Root { get; }

    public string PluginsPath => Path.Combine(Root, "plugins");

    public string DataPath => Path.Combine(Root, "data");

    public string JournalPath => Path.Combine(DataPath, "boot-journal.json");

    /// <summary>A suffix that makes assembly names unique to this builder.</summary>
    public string Unique { get; } = Guid.NewGuid().ToString("n")[..8];

    public string FolderOf(string pluginId) => Directory.CreateDirectory(Path.Combine(PluginsPath, pluginId)).FullName;

    /// <summary>
    /// Writes a plugin folder: <paramref name="source"/> compiled to <c>&lt;assembly&gt;.dll</c> against the host's SDK
    /// (or <paramref name="sdk"/>) and <paramref name="libraries"/>, plus a manifest declaring one connector.
    /// </summary>
    public string AddPlugin(string id, string connectorId, string source, IEnumerable<string>? libraries = null, string? sdk = null,
        string capabilities = "[\"pull\"]", string sdkRange = "[1.0,2.0)")
    {
        var assemblyName = $"Fixture.{Unique}.{id}";
        var folder = FolderOf(id);
        var references = (libraries ?? []).Select(l => MetadataReference.CreateFromFile(l))
            .Append(sdk is null ? HostSdk : MetadataReference.CreateFromFile(sdk));
        Compile(assemblyName, source, Path.Combine(folder, assemblyName + ".dll"), references);
        WriteManifest(id, $$$"""
            {"id":"{{{id}}}","version":"1.0.0","displayName":"Fixture {{{id}}}","entryAssembly":"{{{assemblyName}}}.dll","sdkRange":"{{{sdkRange}}}",
             "provides":{"connectors":[{"id":"{{{connectorId}}}","capabilities":{{{capabilities}}}}],"metricCalculators":[],"reportTemplates":[]}}
            """);
        return folder;
    }

    public void WriteManifest(string pluginId, string json)
    {
        using var _ = JsonDocument.Parse(json); // a typo in a test's manifest should fail loudly here, not as a refusal
        File.WriteAllText(Path.Combine(FolderOf(pluginId), "engage-plugin.json"), json);
    }

    /// <summary>Compiles a library outside any plugin folder; returns its path (name.dll, so it can be copied in).</summary>
    public string AddLibrary(string assemblyName, string version, string source)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, "libs", $"{assemblyName}-{version}")).FullName;
        var text = $"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n{source}";
        return Compile(assemblyName, text, Path.Combine(folder, assemblyName + ".dll"), [HostSdk]);
    }

    /// <summary>A stand-in Engage.Sdk of another major version, declaring its own IEngagePlugin.</summary>
    public string AddFakeSdk(string version)
    {
        const string source = """
            namespace Engage.Sdk.Plugins
            {
                public interface IEngagePlugin
                {
                    void Register(object registrar);
                }
            }
            """;
        var folder = Directory.CreateDirectory(Path.Combine(Root, "fake-sdk", version)).FullName;
        var text = $"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n{source}";
        return Compile("Engage.Sdk", text, Path.Combine(folder, "Engage.Sdk.dll"), []);
    }

    /// <summary>Loads the plugins folder as the host does at start, with this builder's boot journal.</summary>
    public Task<IReadOnlyList<LoadedPlugin>> LoadAllAsync(ILogger? logger = null) =>
        new PluginLoader(new BootJournal(JournalPath), TimeSpan.FromSeconds(5), logger ?? NullLogger.Instance, TimeProvider.System)
            .LoadAllAsync(PluginsPath, CancellationToken.None);

    public void CopyInto(string pluginId, string file) =>
        File.Copy(file, Path.Combine(FolderOf(pluginId), Path.GetFileName(file)), overwrite: true);

    public void CopyHostSdkInto(string pluginId) => CopyInto(pluginId, typeof(Engage.Sdk.Plugins.IEngagePlugin).Assembly.Location);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A collectible context may still map a file on some systems.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Compile(string assemblyName, string source, string outputPath, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            Framework.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable));
        var result = compilation.Emit(outputPath);
        if (!result.Success)
        {
            File.Delete(outputPath);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException($"The fixture {assemblyName} does not compile:\n{string.Join("\n", errors)}");
        }

        return outputPath;
    }

    private static IReadOnlyList<MetadataReference> FrameworkReferences()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkFolder)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
                || name is "netstandard.dll" or "mscorlib.dll" or "System.dll"));
        return platform
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
