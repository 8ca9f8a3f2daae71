namespace Engage.Host.Store;

/// <summary>Resolves workspace time zones (IANA ids), falling back to UTC for an unknown id.</summary>
internal static class TimeZones
{
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    public static TimeZoneInfo FindOrUtc(string id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
