using System.Globalization;
using Microsoft.OData.Edm;

namespace Engage.Host.Audit;

/// <summary>
/// How values appear in audit Details: text quoted and shortened, timestamps in UTC ISO 8601, and the personal free
/// text of people the organisation talks to never copied (the audit trail cannot be edited, so an erasure could not
/// reach it): only that it was set or changed.
/// </summary>
internal static class AuditValues
{
    /// <summary>Characters of a text value kept in Details; longer ones end with "…" and their length.</summary>
    public const int MaxTextLength = 80;

    /// <summary>The properties whose values are personal data about contacts, by entity set.</summary>
    private static readonly Dictionary<string, string[]> Personal = new(StringComparer.Ordinal)
    {
        ["Moments"] = ["PeopleInvolved", "Change", "ConversationUrl"],
        ["Contacts"] = ["Tags"],
    };

    public static bool IsPersonal(string entitySet, string property) =>
        Personal.TryGetValue(entitySet, out var properties) && properties.Contains(property);

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Date day => day.ToString(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Quote(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxTextLength
            ? "'" + flat + "'"
            : "'" + flat[..MaxTextLength] + "…' (" + flat.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }
}
