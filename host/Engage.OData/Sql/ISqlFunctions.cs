namespace Engage.OData.Sql;

/// <summary>
/// The SQL spellings of OData's canonical functions and of the arithmetic that differs between engines.
/// Arguments are SQL expressions already translated (columns, parameters, sub-expressions); callers add
/// the null guards that keep predicates two-valued.
/// </summary>
internal interface ISqlFunctions
{
    /// <summary>A case-sensitive "<paramref name="text"/> contains <paramref name="part"/>" predicate (SQL NULL when an operand is NULL).</summary>
    string Contains(string text, string part);

    /// <summary>A case-sensitive prefix test.</summary>
    string StartsWith(string text, string prefix);

    /// <summary>A case-sensitive suffix test.</summary>
    string EndsWith(string text, string suffix);

    /// <summary>The number of characters.</summary>
    string Length(string text);

    /// <summary>The 0-based position of <paramref name="part"/>, or -1.</summary>
    string IndexOf(string text, string part);

    /// <summary>The characters from 0-based <paramref name="start"/> (clamped to 0), at most <paramref name="length"/> of them when given (clamped to 0).</summary>
    string Substring(string text, string start, string? length);

    string ToLower(string text);

    string ToUpper(string text);

    /// <summary>Removes leading and trailing white space.</summary>
    string Trim(string text);

    string Concat(string left, string right);

    /// <summary>A case-insensitive "contains" for <c>$search</c> (SQL NULL when an operand is NULL).</summary>
    string SearchMatch(string text, string term);

    /// <summary>An integer part (year … second) of a stored Date, DateTimeOffset or TimeOfDay value.</summary>
    string DatePart(DatePart part, string value, Microsoft.OData.Edm.EdmPrimitiveTypeKind kind);

    /// <summary>The fractional seconds (0 ≤ x &lt; 1) of a stored DateTimeOffset or TimeOfDay value.</summary>
    string FractionalSeconds(string value, Microsoft.OData.Edm.EdmPrimitiveTypeKind kind);

    /// <summary>The stored Edm.Date of a stored DateTimeOffset value.</summary>
    string DateOf(string dateTimeOffset);

    /// <summary>The stored Edm.TimeOfDay of a stored DateTimeOffset value.</summary>
    string TimeOf(string dateTimeOffset);

    /// <summary>Division: truncating for integer operands, floating point otherwise.</summary>
    string Divide(string left, string right, bool integer);

    /// <summary>The remainder, with the sign of the dividend (as in C#).</summary>
    string Modulo(string left, string right, bool integer);

    /// <summary>Rounds half away from zero.</summary>
    string Round(string value);

    string Floor(string value);

    string Ceiling(string value);

    /// <summary>
    /// The <c>sum</c> aggregate: null over no values; a sum of integers never fails on overflow (it may lose
    /// precision past 2^53 instead).
    /// </summary>
    string Sum(string value, bool integers);
}
