namespace Engage.OData.Sql;

/// <summary>
/// One ORDER BY term of a keyset seek: the quoted column, its direction, whether the column can hold NULL,
/// and the placeholder bound to the last row's value (null when that value was NULL).
/// </summary>
internal readonly record struct SeekTerm(string Column, bool Descending, bool Nullable, string? Value);
