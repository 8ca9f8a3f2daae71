using Engage.Sdk.Connectors;

namespace Engage.Host.Sync;

/// <summary>
/// Entered settings split by the connector's <see cref="SettingDefinition.IsSecret"/> and merged with the secrets already
/// stored: a secret that is omitted, or sent back as <see cref="ConnectionSettings.SetMarker"/>, stays; null or blank
/// removes it; any other value replaces it. The non-secret settings are replaced as a whole. <see cref="Problems"/> lists
/// unknown names, missing required settings and markers for secrets that are not set (never with a secret's value).
/// </summary>
internal sealed record SettingsChange(
    IReadOnlyDictionary<string, string?> NonSecret, IReadOnlyDictionary<string, string> Secrets, IReadOnlyList<SettingError> Problems)
{
    public static SettingsChange Apply(ConnectorInfo info, IReadOnlyDictionary<string, string?> entered, IReadOnlyDictionary<string, string> storedSecrets)
    {
        var nonSecret = new Dictionary<string, string?>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(storedSecrets, StringComparer.Ordinal);
        var problems = new List<SettingError>();
        foreach (var (name, value) in entered)
        {
            var definition = info.Settings.FirstOrDefault(s => s.Name == name);
            if (definition is null)
            {
                problems.Add(new SettingError(name, $"'{name}' is not a setting of the connector '{info.Id}'; {ConnectionSettings.Names(info)}."));
            }
            else if (!definition.IsSecret)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    nonSecret[name] = value;
                }
            }
            else if (value == ConnectionSettings.SetMarker)
            {
                if (!storedSecrets.ContainsKey(name))
                {
                    problems.Add(new SettingError(name,
                        $"'{definition.DisplayName}' ({name}) is not set yet: send its value ('{ConnectionSettings.SetMarker}' keeps a secret that is set)."));
                }
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                secrets.Remove(name);
            }
            else
            {
                secrets[name] = value;
            }
        }

        foreach (var definition in info.Settings.Where(s => s.Required))
        {
            var present = definition.IsSecret
                ? secrets.ContainsKey(definition.Name)
                : nonSecret.ContainsKey(definition.Name) || !string.IsNullOrWhiteSpace(definition.DefaultValue);
            if (!present && problems.All(p => p.Setting != definition.Name))
            {
                problems.Add(new SettingError(definition.Name, $"'{definition.DisplayName}' ({definition.Name}) is required."));
            }
        }

        return new SettingsChange(nonSecret, secrets, problems);
    }

    /// <summary>The text for the <c>Settings</c> column (non-secret values and a marker per secret set).</summary>
    public string Stored(ConnectorInfo info) => ConnectionSettings.Stored(info, NonSecret, Secrets.Keys);
}
