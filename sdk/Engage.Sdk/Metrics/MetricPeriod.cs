namespace Engage.Sdk.Metrics;

/// <summary>The length of the period a metric value covers. Stored as the member name.</summary>
public enum MetricPeriod
{
    /// <summary>One day.</summary>
    Day,
    /// <summary>One ISO week, Monday to Sunday; the value's date is the Monday.</summary>
    Week,
    /// <summary>One calendar month; the value's date is the first of the month.</summary>
    Month,
}
