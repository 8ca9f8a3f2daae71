namespace Engage.OData.Sql;

/// <summary>A SQL text whose every value is a parameter.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters);
