using System.Reflection;
using System.Runtime.Loader;

namespace Engage.Host.Plugins.Loading;

/// <summary>
/// One collectible load context per plugin. The shared contract (Engage.Sdk and what it references)
/// always resolves from the host, before the plugin's folder is consulted, so types keep their identity.
/// The plugin's own dependencies resolve from its folder through its <c>.deps.json</c>, or by file name.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;
    private readonly IReadOnlySet<string> _shared;

    public PluginLoadContext(string pluginId, string entryAssemblyPath, IReadOnlySet<string> sharedAssemblies)
        : base($"plugin:{pluginId}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(entryAssemblyPath);
        _folder = Path.GetDirectoryName(entryAssemblyPath)!;
        _shared = sharedAssemblies;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || _shared.Contains(assemblyName.Name))
        {
            return null; // the host's copy: the default context resolves it
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }

        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>Engage.Sdk and, transitively, every non-framework assembly it references.</summary>
    public static IReadOnlySet<string> SharedAssemblyNames()
    {
        var sdk = typeof(Engage.Sdk.Plugins.IEngagePlugin).Assembly;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { sdk.GetName().Name! };
        var pending = new Queue<Assembly>([sdk]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || !names.Add(reference.Name))
                {
                    continue;
                }

                try
                {
                    pending.Enqueue(Default.LoadFromAssemblyName(reference));
                }
                catch (FileNotFoundException)
                {
                    // Referenced but never needed at run time: nothing to share.
                }
            }
        }

        return names;
    }
}
