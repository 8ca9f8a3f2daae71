namespace Engage.Sdk.Connectors;

/// <summary>
/// Days as the connection's workspace counts them, for the date of an <see cref="Items.AccountDailyStatItem"/>: a
/// network's figure read at 23:30 UTC belongs to the next day in <c>Asia/Tokyo</c>.
/// </summary>
public static class WorkspaceCalendar
{
    /// <summary>
    /// The date today in the workspace's time zone (<see cref="IConnectorContext.WorkspaceTimeZone"/>) on the
    /// context's clock; in UTC when the zone is unknown to this machine.
    /// </summary>
    /// <param name="context">The connection's context.</param>
    public static DateOnly Today(IConnectorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Time.GetUtcNow(), Zone(context.WorkspaceTimeZone)).DateTime);
    }

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
