namespace Engage.OData.Sql;

/// <summary>The integer parts of a date or time value that OData's canonical functions return.</summary>
internal enum DatePart
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}
