namespace Engage.Plugins.Demo.Generation;

/// <summary>Days of the demo are UTC days.</summary>
internal static class DemoTime
{
    /// <summary>The day the follower curves start from. Any fixed day works; it never moves.</summary>
    public static DateOnly Epoch { get; } = new(2024, 1, 1);

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
