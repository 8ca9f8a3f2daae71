using System.Globalization;
using System.Text.Json;

namespace Engage.OData.Tests.Differential;

/// <summary>Compares one JSON value of the engine's answer with the evaluator's value of the same kind.</summary>
internal static class JsonValueMatcher
{
    public static bool Matches(SampleKind kind, JsonElement actual, object? expected)
    {
        if (expected is null)
        {
            return actual.ValueKind == JsonValueKind.Null;
        }

        return kind switch
        {
            SampleKind.String => actual.ValueKind == JsonValueKind.String && actual.GetString() == (string)expected,
            SampleKind.Int32 or SampleKind.Int64 => actual.ValueKind == JsonValueKind.Number && actual.TryGetInt64(out var l)
                && l == Convert.ToInt64(expected, CultureInfo.InvariantCulture),
            SampleKind.Double or SampleKind.Decimal => actual.ValueKind == JsonValueKind.Number
                && actual.GetDouble() == Convert.ToDouble(expected, CultureInfo.InvariantCulture),
            SampleKind.Boolean => actual.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.GetBoolean() == (bool)expected,
            SampleKind.Date => actual.ValueKind == JsonValueKind.String
                && actual.GetString() == ((DateOnly)expected).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => actual.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(actual.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                && instant == (DateTimeOffset)expected,
        };
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
