using Engage.Sdk.Connectors;

namespace Engage.Host.Plugins.Loading;

/// <summary>Compares what a plugin's code registered with what its manifest declares.</summary>
internal static class RegistrationCheck
{
    public static IReadOnlyList<string> Compare(PluginManifest manifest, PluginRegistrar registrar, string folder)
    {
        var problems = new List<string>();
        var declared = (manifest.Provides?.Connectors ?? []).ToDictionary(
            c => c.Id ?? "", c => Capabilities(c.Capabilities ?? []), StringComparer.Ordinal);
        var registered = new Dictionary<string, ConnectorCapabilities>(StringComparer.Ordinal);
        foreach (var connector in registrar.Connectors)
        {
            var info = connector.Info;
            if (!registered.TryAdd(info.Id, info.Capabilities))
            {
                problems.Add($"the code registers connector '{info.Id}' twice");
            }
        }

        foreach (var (id, caps) in declared)
        {
            if (!registered.TryGetValue(id, out var actual))
            {
                problems.Add($"the manifest declares connector '{id}' but the code does not register it");
            }
            else if (actual != caps)
            {
                problems.Add($"connector '{id}': the manifest declares capabilities [{Names(caps)}] but the code registers [{Names(actual)}]");
            }
        }

        problems.AddRange(registered.Keys.Except(declared.Keys).Select(id => $"the code registers connector '{id}' that the manifest does not declare"));
        Compare("metric calculator", manifest.Provides?.MetricCalculators ?? [], registrar.Calculators.Select(c => c.Info.Name), problems);
        Compare("report template", manifest.Provides?.ReportTemplates ?? [], registrar.Templates.Select(t => t.Info.Name), problems);

        foreach (var template in registrar.Templates)
        {
            var path = Path.GetFullPath(Path.Combine(folder, template.Info.TemplateFile));
            if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add($"report template '{template.Info.Name}': its template file '{template.Info.TemplateFile}' is outside the plugin folder");
            }
            else if (!File.Exists(path))
            {
                problems.Add($"report template '{template.Info.Name}': its template file '{template.Info.TemplateFile}' is missing");
            }
        }

        return problems;
    }

    private static void Compare(string kind, IEnumerable<string> declared, IEnumerable<string> registered, List<string> problems)
    {
        var d = declared.ToHashSet(StringComparer.Ordinal);
        var r = registered.ToList();
        problems.AddRange(r.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => $"the code registers {kind} '{g.Key}' twice"));
        problems.AddRange(d.Except(r).Select(n => $"the manifest declares {kind} '{n}' but the code does not register it"));
        problems.AddRange(r.Distinct().Except(d).Select(n => $"the code registers {kind} '{n}' that the manifest does not declare"));
    }

    public static ConnectorCapabilities Capabilities(IEnumerable<string> names) =>
        names.Aggregate(ConnectorCapabilities.None, (all, name) => all | name switch
        {
            "pull" => ConnectorCapabilities.Pull,
            "push" => ConnectorCapabilities.Push,
            "import" => ConnectorCapabilities.Import,
            "publish" => ConnectorCapabilities.Publish,
            "reply" => ConnectorCapabilities.Reply,
            _ => ConnectorCapabilities.None,
        });

    private static string Names(ConnectorCapabilities caps) =>
        caps == ConnectorCapabilities.None ? "" : string.Join(", ", caps.ToString().ToLowerInvariant().Split(", "));
}
