namespace Engage.OData.Query;

/// <summary>
/// One <c>name=value</c> pair of the query string: the raw text (kept verbatim for next links), the
/// decoded name and value, and the normalised name (decoded, no leading <c>$</c>, lower case).
/// </summary>
internal readonly record struct RawQueryOption(string Raw, string Name, string NormalizedName, string Value);
