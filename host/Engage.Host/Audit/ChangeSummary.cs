using System.Globalization;
using Engage.OData.Writes;

namespace Engage.Host.Audit;

/// <summary>
/// The Details of an OData change: on insert the values set (<c>Name: 'Acme'; TimeZone: 'UTC'</c>), on update each
/// property that really changed (<c>Status: 'New' -> 'Assigned'</c>, or "no value changed"), on delete the row as it was,
/// for an action its parameters and the entity it returned. Values come from the store, so a connector's secret settings
/// read "(set)"; personal text is only said to be set or changed (<see cref="AuditValues"/>); at most
/// <see cref="MaxLength"/> characters.
/// </summary>
internal static class ChangeSummary
{
    public const int MaxLength = 2000;

    public static string Describe(ChangeContext change)
    {
        var parts = change.Operation switch
        {
            WriteOperation.Insert => change.Changed.Where(p => change.Values.GetValueOrDefault(p) is not null)
                .Select(p => Value(change.EntitySet, p, change.Values[p], "set")),
            WriteOperation.Update => Updated(change),
            WriteOperation.Delete => change.Previous.Where(p => p.Value is not null && p.Key != "Id")
                .Select(p => Value(change.EntitySet, p.Key, p.Value, "set")),
            _ => change.Parameters.Select(p => $"{p.Key}: {AuditValues.Format(p.Value)}")
                .Concat(change.Result is { } result ? [$"result {result.EntitySet}({Key(result.Key)})"] : []),
        };
        var text = change.Operation == WriteOperation.Delete ? "Deleted; was " + string.Join("; ", parts) : string.Join("; ", parts);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    /// <summary>The key as it appears in EntityId: invariant text.</summary>
    public static string Key(object key) => Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;

    private static IEnumerable<string> Updated(ChangeContext change)
    {
        var changed = change.Changed
            .Where(p => !Equals(change.Previous.GetValueOrDefault(p), change.Values.GetValueOrDefault(p)))
            .Select(p => AuditValues.IsPersonal(change.EntitySet, p)
                ? Value(change.EntitySet, p, null, "changed")
                : $"{p}: {AuditValues.Format(change.Previous.GetValueOrDefault(p))} -> {AuditValues.Format(change.Values.GetValueOrDefault(p))}")
            .ToList();
        return changed.Count > 0 ? changed : ["no value changed"];
    }

    private static string Value(string entitySet, string property, object? value, string personal) =>
        AuditValues.IsPersonal(entitySet, property) ? $"{property}: ({personal}; personal data is not recorded)" : $"{property}: {AuditValues.Format(value)}";
}
