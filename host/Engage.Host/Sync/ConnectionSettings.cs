using System.Text.Json;
using Engage.Sdk.Connectors;

namespace Engage.Host.Sync;

/// <summary>
/// The <c>Settings</c> column of a connection: a JSON object of the non-secret settings as entered, plus, for each
/// secret setting that is set, the marker <see cref="SetMarker"/> (never its value, which is encrypted in the
/// <c>Secrets</c> column). The same text is the <c>Connections.Settings</c> property over OData; a connector sees only
/// the non-secret settings, with the declared defaults applied.
/// </summary>
internal static class ConnectionSettings
{
    /// <summary>What a secret setting that is set shows instead of its value; sent back unchanged, it keeps the secret.</summary>
    public const string SetMarker = "(set)";

    public const string Empty = "{}";

    /// <summary>
    /// Reads a settings object (<c>{"name":"value",…}</c>; numbers and booleans are taken as their text, null as "not set").
    /// The problem never quotes the text, which may hold a secret.
    /// </summary>
    public static bool TryParse(string? json, out Dictionary<string, string?> values, out string? problem)
    {
        values = new Dictionary<string, string?>(StringComparer.Ordinal);
        problem = null;
        const string Shape = "'Settings' must be a JSON object of setting names and text values, such as {\"instanceUrl\":\"https://example.social\"}.";
        try
        {
            using var document = JsonDocument.Parse(json ?? "", new JsonDocumentOptions { MaxDepth = 2 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = Shape;
                return false;
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                string? value = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => member.Value.GetRawText(),
                    _ => throw new FormatException(),
                };
                if (!values.TryAdd(member.Name, value))
                {
                    problem = $"'Settings' names '{member.Name}' twice.";
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException) // InvalidOperation: a lone surrogate
        {
            problem = Shape;
            return false;
        }
    }

    /// <summary>The stored (and published) text: the non-secret values and a marker per secret set, in the connector's declared order.</summary>
    public static string Stored(ConnectorInfo info, IReadOnlyDictionary<string, string?> nonSecret, IEnumerable<string> secretsSet)
    {
        var set = secretsSet.ToHashSet(StringComparer.Ordinal);
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in info.Settings)
        {
            if (definition.IsSecret ? set.Contains(definition.Name) : nonSecret.GetValueOrDefault(definition.Name) is not null)
            {
                shown[definition.Name] = definition.IsSecret ? SetMarker : nonSecret[definition.Name]!;
            }
        }

        return JsonSerializer.Serialize(shown);
    }

    /// <summary>
    /// What the connector sees (<see cref="IConnectorContext.Settings"/>): the stored non-secret settings with the declared
    /// defaults applied; secrets (and their markers) never.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ForConnector(ConnectorInfo info, string storedJson)
    {
        var stored = TryParse(storedJson, out var values, out _) ? values : new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var definition in info.Settings)
        {
            if (definition.IsSecret)
            {
                stored.Remove(definition.Name);
            }
            else if (string.IsNullOrWhiteSpace(stored.GetValueOrDefault(definition.Name)) && definition.DefaultValue is { } fallback)
            {
                stored[definition.Name] = fallback;
            }
        }

        return stored;
    }

    /// <summary>The names of the connector's settings, for messages.</summary>
    public static string Names(ConnectorInfo info) => info.Settings.Count == 0
        ? "it has no settings"
        : "its settings are " + string.Join(", ", info.Settings.Select(s => "'" + s.Name + "'"));
}
