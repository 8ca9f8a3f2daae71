using System.Collections;
using System.Globalization;

namespace Engage.Host.Reports;

/// <summary>
/// Copies a report model into host-owned plain data (strings, numbers, booleans, dictionaries and lists)
/// and refuses anything else, so the renderer never holds on to a plugin's own types.
/// </summary>
internal static class ModelSanitizer
{
    private const int MaxDepth = 16;
    private const int MaxNodes = 200_000;

    public static Dictionary<string, object?> Copy(IReadOnlyDictionary<string, object?> model)
    {
        var budget = MaxNodes;
        return CopyDictionary(model, 0, ref budget, "model");
    }

    private static Dictionary<string, object?> CopyDictionary(IReadOnlyDictionary<string, object?> source, int depth, ref int budget, string path)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            copy[key] = CopyValue(value, depth + 1, ref budget, $"{path}.{key}");
        }

        return copy;
    }

    private static object? CopyValue(object? value, int depth, ref int budget, string path)
    {
        if (--budget < 0)
        {
            throw new InvalidDataException($"The report model is larger than {MaxNodes} values.");
        }

        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"The report model nests deeper than {MaxDepth} levels at {path}.");
        }

        switch (value)
        {
            case null: return null;
            case string or bool: return value;
            case int or long or short or byte: return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case double or float or decimal: return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case DateTimeOffset d: return d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            case DateOnly d: return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case IReadOnlyDictionary<string, object?> map: return CopyDictionary(map, depth, ref budget, path);
            case IDictionary<string, object?> map: return CopyDictionary(map.AsReadOnly(), depth, ref budget, path);
            case IEnumerable list:
                var items = new List<object?>();
                var index = 0;
                foreach (var item in list)
                {
                    items.Add(CopyValue(item, depth + 1, ref budget, $"{path}[{index++}]"));
                }

                return items;
            default:
                throw new InvalidDataException(
                    $"The report model holds a {value.GetType().Name} at {path}; use only strings, numbers, booleans, dates, dictionaries and lists.");
        }
    }
}
